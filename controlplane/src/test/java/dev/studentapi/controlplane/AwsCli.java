package dev.studentapi.controlplane;

import dev.studentapi.testkit.ExternalProgram;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the AWS CLI ({@code aws ... apigateway ...}) against a control plane, signed with given credentials. */
final class AwsCli {
    /** What a run of the CLI printed and how it ended. */
    record Run(int exitCode, String out, String err) {}

    private final URI endpoint;
    private final AdminCredentials credentials;
    private final Path home;

    AwsCli(URI endpoint, AdminCredentials credentials, Path home) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.home = home;
    }

    /** Skips the calling test (fails it with -Dit.required=true) when there is no AWS CLI. */
    static void requireInstalled() {
        ExternalProgram.require("aws (the AWS CLI)", program().isPresent(),
                "install the AWS CLI v2, e.g. apt-get install awscli (Debian 12 packages version 2)");
    }

    /**
     * The AWS CLI to run: {@code AWS_CLI} when set; else Debian's {@code /usr/bin/aws} (version 2) when present,
     * since a version 1 installed by pip may come first on the PATH; else the first {@code aws} on the PATH.
     */
    private static Optional<String> program() {
        String chosen = System.getenv("AWS_CLI");
        if (chosen != null && !chosen.isBlank()) {
            return Optional.of(chosen);
        }
        if (Files.isExecutable(Path.of("/usr/bin/aws"))) {
            return Optional.of("/usr/bin/aws");
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "aws"))) {
                return Optional.of(Path.of(dir, "aws").toString());
            }
        }
        return Optional.empty();
    }

    /** {@code aws --endpoint-url <endpoint> --output json apigateway <arguments>}. */
    Run apigateway(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program().orElse("aws"), "--endpoint-url", endpoint.toString(), "--output",
                "json", "apigateway"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        Path out = Files.createTempFile(home, "aws", ".out");
        Path err = Files.createTempFile(home, "aws", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", arguments) + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
