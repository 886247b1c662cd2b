package dev.studentapi.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ColdStartTest {

    @RegisterExtension
    static final MotoAws AWS = new MotoAws();

    private static final Pattern REPORT = Pattern.compile(
            "status=(\\d+) staticInitMs=(\\d+) handlerMs=(\\d+) firstInvocationMs=(\\d+) warmInvocationMs=(\\d+)");

    @Test
    void aFreshContainerBuildsItsClientsOnceFromTheEnvironment() throws Exception {
        ProcessBuilder jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ColdStartProbe.class.getName())
                .redirectErrorStream(true);
        jvm.environment().putAll(AWS.provision());
        Process process = jvm.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        Matcher report = REPORT.matcher(output);
        assertThat(report.find()).as(output).isTrue();
        assertThat(report.group(1)).isEqualTo("200");
        assertThat(output).contains("Student Records API: components built in " + report.group(2) + " ms");
        System.out.println("Cold start (fresh JVM, moto endpoint): " + report.group());
        assertThat(Long.parseLong(report.group(5))).as("a warm invocation builds nothing")
                .isLessThan(Long.parseLong(report.group(2)) + Long.parseLong(report.group(4)));
    }
}
