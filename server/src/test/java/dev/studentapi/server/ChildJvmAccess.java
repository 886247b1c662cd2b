package dev.studentapi.server;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@link ChildJvm} for the test classes of other packages. */
public final class ChildJvmAccess {
    private ChildJvmAccess() {
    }

    public static Process start(Map<String, String> environment, List<String> jvmOptions, String mainClass,
                                String... args) throws IOException {
        return ChildJvm.start(environment, jvmOptions, mainClass, args);
    }
}
