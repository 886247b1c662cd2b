package dev.studentapi.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a class of the test classpath in a child JVM, with its own heap limit and environment. */
final class ChildJvm {
    private ChildJvm() {
    }

    static Process start(Map<String, String> environment, List<String> jvmOptions, String mainClass,
                         String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("PLAN_") || name.startsWith("SMTP_"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
