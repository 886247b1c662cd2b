package dev.studentapi.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SnapStartPrimingTest {

    @RegisterExtension
    static final MotoAws AWS = new MotoAws();

    @Test
    void primesTheHandlersWithoutStoringReadingOrSendingAnything() throws Exception {
        try (LambdaComponents components = LambdaComponents.fromEnvironment(AWS.provision())) {
            assertThat(new SnapStartPriming(components).prime()).containsExactly(400, 400, 404, 404, 204);

            assertThat(new GetStudentDataHandler(components)
                    .handleRequest(ProxyEvents.load("get-students.json"), null).getBody()).isEqualTo("[]");
            assertThat(AWS.sentMail()).noneMatch(mail -> mail.contains("priming"));
        }
    }

    @Test
    void aContainerRegistersItsPrimingForTheSnapshot() throws Exception {
        ProcessBuilder jvm = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                ColdStartProbe.class.getName(), "primed").redirectErrorStream(true);
        jvm.environment().putAll(AWS.provision());
        Process process = jvm.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        assertThat(output).contains("Student Records API: primed for the snapshot in", "status=200");
        System.out.println("Cold start with priming (fresh JVM, moto endpoint): "
                + output.lines().filter(line -> line.startsWith("status=")).findFirst().orElse(output));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
