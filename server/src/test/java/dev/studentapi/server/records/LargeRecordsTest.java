package dev.studentapi.server.records;

import dev.studentapi.server.Components;
import dev.studentapi.server.Json;
import dev.studentapi.server.ServerInSmallHeap;
import dev.studentapi.server.config.DataDirectory;
import dev.studentapi.server.config.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server in a JVM capped at 64 MiB of heap, over a table of 1,000,000 students: it imports 100,000 CSV rows and
 * streams all of them out as CSV. Prints the times as a rough figure (not asserted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeRecordsTest {

    private static final int STUDENTS = 1_000_000;
    private static final int IMPORTED = 100_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;
    private Process child;
    private String url;
    private String key;

    @BeforeAll
    void startServerInSmallHeap() throws Exception {
        Components.build(Settings.fromEnvironment(Map.of("DATA_DIR", dataDir.toString())), Clock.systemUTC(),
                () -> URI.create("http://127.0.0.1")).close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + new DataDirectory(dataDir).database())) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO students (studentid, name, class, birthdate, email) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < STUDENTS; i++) {
                    insert.setString(1, String.format("SV%07d", i));
                    insert.setString(2, "Nguyễn Văn " + i);
                    insert.setString(3, "BIG");
                    insert.setString(4, "2003-02-28");
                    insert.setString(5, "sv" + i + "@example.edu.vn");
                    insert.addBatch();
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
        }
        child = dev.studentapi.server.ChildJvmAccess.start(Map.of("PLAN_RATE_LIMIT", "1000", "PLAN_BURST_LIMIT",
                "1000", "PLAN_QUOTA_LIMIT", "100000"), List.of("-Xmx64m"), ServerInSmallHeap.class.getName(),
                dataDir.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((url == null || key == null) && (line = out.readLine()) != null) {
            if (line.startsWith("url ")) {
                url = line.substring(4);
            } else if (line.startsWith("key ")) {
                key = line.substring(4);
            } else if (line.startsWith("max heap ")) {
                assertThat(Long.parseLong(line.substring(9))).isLessThanOrEqualTo(64L * 1024 * 1024);
            }
        }
        assertThat(url).as("the child server started").isNotNull();
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(Writer.nullWriter());
            } catch (IOException ignored) {
                // the child is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (child != null) {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(5)).header("x-api-key", key);
    }

    @Test
    void importsAHundredThousandCsvRows() throws Exception {
        Path csv = dataDir.resolve("import.csv");
        try (Writer writer = Files.newBufferedWriter(csv)) {
            writer.write("name,studentid,class,birthdate,email\r\n");
            for (int i = 0; i < IMPORTED; i++) {
                writer.write("Trần Thị " + i + ",IM" + String.format("%06d", i) + ",NEW,2004-01-31,im" + i
                        + "@example.edu.vn\r\n");
            }
        }
        long started = System.nanoTime();
        HttpResponse<String> response = CLIENT.send(request("/prod/students/import").header("Content-Type",
                "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("inserted").asLong()).isEqualTo(IMPORTED);
        System.out.println("import of " + IMPORTED + " CSV rows over HTTP (64 MiB heap, 1,000,000 stored): "
                + millis + " ms");
        HttpResponse<String> imported = CLIENT.send(request("/prod/students?class=NEW&limit=1000").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(Json.parse(imported.body())).hasSize(1000);
    }

    @Test
    void exportsAMillionStudentsAsCsvInAFlatHeap() throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = CLIENT.send(request("/prod/students?format=csv").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long rows = 0;
        long big = 0;
        long bytes = 0;
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8),
                1 << 16)) {
            assertThat(csv.readLine()).isEqualTo("studentid,name,class,birthdate,email");
            String line;
            String previous = "";
            while ((line = csv.readLine()) != null) {
                rows++;
                bytes += line.length() + 2;
                String id = line.substring(0, line.indexOf(','));
                assertThat(id.compareTo(previous)).isPositive();
                previous = id;
                if (line.contains(",BIG,")) {
                    big++;
                }
            }
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        assertThat(big).isEqualTo(STUDENTS);
        assertThat(rows).isIn((long) STUDENTS, (long) STUDENTS + IMPORTED);
        System.out.println("export of " + rows + " students as CSV over HTTP (64 MiB heap): " + millis + " ms, about "
                + (bytes / 1000 / millis) + " MB/s");
    }

    @Test
    void answersAPageOfAHundredFromAMillion() throws Exception {
        long[] nanos = new long[200];
        String path = "/prod/students?limit=100";
        for (int i = 0; i < nanos.length; i++) {
            long started = System.nanoTime();
            HttpResponse<String> page = CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            String link = page.headers().firstValue("Link").orElseThrow();
            path = link.substring(1, link.indexOf('>'));
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        List<String> figures = new ArrayList<>();
        for (double q : new double[] {0.5, 0.99}) {
            figures.add("p" + (int) (q * 100) + "=" + sorted[(int) (q * (sorted.length - 1))] / 1000 + " µs");
        }
        System.out.println("a page of 100 from 1,000,000 over HTTP (64 MiB heap): " + String.join(", ", figures));
    }
}
