package dev.studentapi.infra;

import dev.studentapi.testkit.ExternalProgram;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The stack synthesised once for the test run, with placeholder assets from {@code src/test/resources/assets}. */
final class SynthesizedStack {

    static final StackAssets PLACEHOLDERS = new StackAssets(Path.of("src/test/resources/assets/function"),
            Path.of("src/test/resources/assets/web"));

    private static Template template;

    private SynthesizedStack() {
    }

    /** Skips (or fails, with -Dit.required=true) when Node.js, which the CDK runs on, is missing. */
    static void requireNode() {
        ExternalProgram.require("node", onPath("node"), "apt-get install nodejs");
    }

    static synchronized Template template() {
        requireNode();
        if (template == null) {
            App app = App.Builder.create().build();
            template = Template.fromStack(new StudentApiStack(app, StudentApiApp.STACK_NAME, StackProps.builder()
                    .build(), PLACEHOLDERS));
        }
        return template;
    }

    /** The logical id of the one resource of {@code type}. */
    static String onlyId(String type) {
        Map<String, Map<String, Object>> found = template().findResources(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return found.keySet().iterator().next();
    }

    /** The logical id of the {@code live} alias of {@code function}. */
    static String aliasId(String function) {
        return template().findResources("AWS::Lambda::Alias").keySet().stream()
                .filter(id -> id.contains(function)).findFirst().orElseThrow();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
