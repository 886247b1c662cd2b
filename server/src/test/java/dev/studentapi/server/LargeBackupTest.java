package dev.studentapi.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.server.config.DataDirectory;
import dev.studentapi.server.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A backup of 100,000 students streams: it completes in a JVM capped at 64 MiB of heap and parses back whole. */
class LargeBackupTest {

    private static final int STUDENTS = 100_000;

    @TempDir
    Path dataDir;

    private static String id(int i) {
        return String.format("SV%06d", i);
    }

    private void seed() throws Exception {
        Components.build(Settings.fromEnvironment(Map.of("DATA_DIR", dataDir.toString())), Clock.systemUTC(),
                () -> URI.create("http://127.0.0.1")).close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + new DataDirectory(dataDir).database())) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO students (studentid, name, class, birthdate, email) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < STUDENTS; i++) {
                    insert.setString(1, id(i));
                    insert.setString(2, "Nguyễn Văn " + i);
                    insert.setString(3, "CNTT" + (i % 10));
                    insert.setString(4, "2003-02-28");
                    insert.setString(5, "sv" + i + "@example.edu.vn");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
    }

    @Test
    void backsUpOneHundredThousandStudentsInSixtyFourMebibytesOfHeap() throws Exception {
        seed();
        Process child = ChildJvm.start(Map.of(), List.of("-Xmx64m"), BackupInSmallHeap.class.getName(),
                dataDir.toString());
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(errors).isZero();
        assertThat(output).startsWith("200 ").contains("max heap ");
        long maxHeap = Long.parseLong(output.substring(output.indexOf("max heap ") + 9).strip());
        assertThat(maxHeap).isLessThanOrEqualTo(64L * 1024 * 1024);

        JsonNode response = Json.parse(output.lines().findFirst().orElseThrow().substring(4));
        assertThat(response.get("count").asLong()).isEqualTo(STUDENTS);
        Path file = new DataDirectory(dataDir).buckets().resolve("student-backup-20250706")
                .resolve(response.get("key").asText());
        try (JsonParser parser = new com.fasterxml.jackson.databind.MappingJsonFactory().createParser(file.toFile())) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            int i = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode student = parser.readValueAsTree();
                assertThat(student.get("studentid").asText()).isEqualTo(id(i));
                assertThat(student.get("name").asText()).isEqualTo("Nguyễn Văn " + i);
                assertThat(student.get("email").asText()).isEqualTo("sv" + i + "@example.edu.vn");
                i++;
            }
            assertThat(i).isEqualTo(STUDENTS);
        }
    }
}
