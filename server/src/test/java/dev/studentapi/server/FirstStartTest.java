package dev.studentapi.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code student-api serve} as a user runs it: the five lines README shows on the first start (the key and the
 * control-plane credentials once), and on a later start how to make a key when the first is lost.
 */
class FirstStartTest {

    @TempDir
    Path dataDir;

    private List<String> consoleOfOneStart() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = ChildJvm.start(Map.of("DATA_DIR", dataDir.toString(), "PORT", Integer.toString(port),
                "ADMIN_PORT", "0"), List.of("-Xmx128m"), "dev.studentapi.server.cli.Main", "serve");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("Web page:")) {
                    break;
                }
            }
            return lines;
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void printsTheKeyOnceAndTheInvokeUrl() throws Exception {
        List<String> first = consoleOfOneStart();
        assertThat(first).hasSize(5);
        assertThat(first.get(0)).matches("StudentApiKey: [A-Za-z0-9]{40}");
        assertThat(first.get(1)).matches("Invoke URL: http://127\\.0\\.0\\.1:\\d+/prod");
        assertThat(first.get(2)).matches("Control plane: (http://127\\.0\\.0\\.1:\\d+) "
                + "\\(aws --endpoint-url \\1 apigateway get-api-keys\\)");
        assertThat(first.get(3)).matches("Control-plane credentials \\(shown once\\): "
                + "ADMIN_ACCESS_KEY_ID=AKIA[A-Z0-9]{16} ADMIN_SECRET_ACCESS_KEY=\\S{40}");
        assertThat(first.get(4)).matches("Web page: http://127\\.0\\.0\\.1:\\d+/");

        List<String> second = consoleOfOneStart();
        assertThat(second).hasSize(4);
        assertThat(second.get(0)).isEqualTo("API keys: values are shown only when created; to make another, "
                + "student-api keys create --name NAME, then student-api plans bind PLAN_ID KEY_ID "
                + "(PLAN_ID from student-api plans list)");
        assertThat(second).noneSatisfy(line -> assertThat(line).contains("StudentApiKey", "ADMIN_SECRET"));
        assertThat(second.get(1)).startsWith("Invoke URL: ");
    }
}
