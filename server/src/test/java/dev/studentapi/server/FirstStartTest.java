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

/** {@code student-api serve} as a user runs it: the key is printed on the first start only. */
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
        assertThat(first).filteredOn(l -> l.startsWith("StudentApiKey: ")).singleElement()
                .satisfies(l -> assertThat(l).matches("StudentApiKey: [A-Za-z0-9]{40}"));
        assertThat(first).anySatisfy(l -> assertThat(l).matches("Invoke URL: http://127\\.0\\.0\\.1:\\d+/prod"));

        List<String> second = consoleOfOneStart();
        assertThat(second).noneSatisfy(l -> assertThat(l).contains("StudentApiKey"));
        assertThat(second).anySatisfy(l -> assertThat(l).startsWith("Invoke URL: "));
    }
}
