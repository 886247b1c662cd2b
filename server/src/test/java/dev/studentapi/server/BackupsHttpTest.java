package dev.studentapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/** Backups listed, linked and restored over real HTTP on SQLite and the bucket folder. */
class BackupsHttpTest {

    @TempDir
    Path dataDir;
    final MutableClock clock = MutableClock.at("2026-12-01T10:15:00Z");
    TestServer server;
    String key;

    TestServer start(Map<String, String> variables) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("PLAN_RATE_LIMIT", "1000",
                "PLAN_BURST_LIMIT", "1000"));
        all.putAll(variables);
        return TestServer.start(dataDir, all, clock);
    }

    @BeforeEach
    void start() {
        server = start(Map.of());
        key = server.key();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path) {
        return server.get(path, key);
    }

    HttpResponse<String> post(String path) {
        return server.post(path, null, key);
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    void insert(String id, String name) {
        assertThat(server.post("/prod/students", student(id, name), key).statusCode()).isEqualTo(201);
    }

    /** Takes a backup, then moves the clock on a minute so that the next one gets another name. */
    String backup() {
        String key = ok(post("/prod/backup")).get("key").asText();
        clock.advance(Duration.ofMinutes(1));
        return key.substring("backups/".length());
    }

    List<String> studentIds() {
        List<String> ids = new ArrayList<>();
        ok(get("/prod/students")).forEach(student -> ids.add(student.get("studentid").asText()));
        return ids;
    }

    List<String> backupNames() {
        List<String> names = new ArrayList<>();
        ok(get("/prod/backups")).get("backups").forEach(backup -> names.add(backup.get("name").asText()));
        return names;
    }

    Path backupsFolder() {
        return dataDir.resolve("buckets/student-backup-20250706/backups");
    }

    @Test
    void listsBackupsNewestFirstWithTimeCountAndBytes() {
        insert("SV001", "Mai");
        String first = backup();
        insert("SV002", "Lan");
        String second = backup();

        JsonNode body = ok(get("/prod/backups"));

        assertThat(backupNames()).containsExactly(second, first);
        JsonNode newest = body.get("backups").get(0);
        assertThat(newest.get("key").asText()).isEqualTo("backups/" + second);
        assertThat(newest.get("count").asLong()).isEqualTo(2);
        assertThat(newest.get("bytes").asLong()).isPositive();
        assertThat(newest.get("time").asText()).startsWith("2026-");
    }

    @Test
    void pagesCarryALinkToTheNext() {
        String first = backup();
        String second = backup();

        HttpResponse<String> page = get("/prod/backups?limit=1");

        assertThat(ok(page).get("backups").get(0).get("name").asText()).isEqualTo(second);
        String link = page.headers().firstValue("Link").orElseThrow();
        assertThat(link).startsWith("</prod/backups?limit=1&cursor=").endsWith(">; rel=\"next\"");
        HttpResponse<String> next = get(link.substring(1, link.indexOf('>')));
        assertThat(ok(next).get("backups").get(0).get("name").asText()).isEqualTo(first);
        assertThat(next.headers().firstValue("Link")).isEmpty();
        assertThat(get("/prod/backups?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void detailsCarryAFreshDownloadLinkThatServesTheFile() throws IOException {
        insert("SV001", "Mai");
        String name = backup();

        JsonNode details = ok(get("/prod/backups/" + name));

        assertThat(details.get("count").asLong()).isEqualTo(1);
        assertThat(details.get("expiresAt").asText()).isEqualTo(clock.instant().plus(Duration.ofHours(1)).toString());
        String url = details.get("downloadUrl").asText();
        HttpResponse<String> download = server.get(url.substring(url.indexOf("/downloads/")), null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(Files.readString(backupsFolder().resolve(name)));
    }

    @Test
    void everyBackupRouteNeedsTheKey() {
        String name = backup();

        for (HttpResponse<String> response : List.of(server.get("/prod/backups", null),
                server.get("/prod/backups/" + name, null),
                server.post("/prod/backups/" + name + "/restore?mode=merge", null, null))) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        }
    }

    @Test
    void otherMethodsAreNotAllowed() {
        HttpResponse<String> response = server.send("DELETE", "/prod/backups", null, key);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET,OPTIONS");
    }

    @Nested
    class Restore {

        @Test
        void mergeInsertsWhatIsMissingAndKeepsWhatExists() {
            insert("SV001", "Mai");
            String name = backup();
            insert("SV002", "Lan");

            JsonNode body = ok(post("/prod/backups/" + name + "/restore?mode=merge"));

            assertThat(body.get("code").asText()).isEqualTo("BACKUP_RESTORED");
            assertThat(body.get("inserted").asLong()).isZero();
            assertThat(body.get("skipped").asLong()).isEqualTo(1);
            assertThat(studentIds()).containsExactly("SV001", "SV002");
        }

        @Test
        void replaceMakesTheTableTheBackupAndTheSafetyBackupUndoesIt() {
            insert("SV001", "Mai");
            String name = backup();
            insert("SV002", "Lan");

            JsonNode body = ok(post("/prod/backups/" + name + "/restore?mode=replace&confirm=" + name));

            assertThat(body.get("inserted").asLong()).isEqualTo(1);
            assertThat(studentIds()).containsExactly("SV001");
            String safety = body.get("safetyBackup").asText();
            assertThat(backupNames()).contains(safety, name);
            assertThat(ok(get("/prod/backups/" + safety)).get("count").asLong()).isEqualTo(2);

            clock.advance(Duration.ofMinutes(1));
            ok(post("/prod/backups/" + safety + "/restore?mode=replace&confirm=" + safety));
            assertThat(studentIds()).containsExactly("SV001", "SV002");
        }

        @Test
        void replaceWithoutTheNameAsConfirmationChangesNothing() {
            insert("SV001", "Mai");
            String name = backup();
            insert("SV002", "Lan");

            for (String query : List.of("?mode=replace", "?mode=replace&confirm=yes")) {
                HttpResponse<String> response = post("/prod/backups/" + name + "/restore" + query);
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(Json.parse(response.body()).get("code").asText()).isEqualTo("CONFIRMATION_REQUIRED");
            }
            assertThat(studentIds()).containsExactly("SV001", "SV002");
            assertThat(backupNames()).containsExactly(name);
        }

        @Test
        void refusesAnUnknownModeAndAnUnknownBackup() {
            String name = backup();

            HttpResponse<String> badMode = post("/prod/backups/" + name + "/restore?mode=wipe");
            HttpResponse<String> missing = post("/prod/backups/backup-20000101-000000.json/restore?mode=merge");

            assertThat(badMode.statusCode()).isEqualTo(400);
            assertThat(Json.parse(badMode.body()).get("code").asText()).isEqualTo("INVALID_PARAMETER");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("{\"message\":\"Backup 'backup-20000101-000000.json' not found.\","
                    + "\"code\":\"BACKUP_NOT_FOUND\"}");
            assertThat(get("/prod/backups/backup-20000101-000000.json").statusCode()).isEqualTo(404);
        }

        @Test
        void refusesNamesThatCouldReachOtherFiles() {
            backup();

            for (String name : List.of("..%2Fsecrets%2Flink-secret", "x..json", ".backup.json.count")) {
                HttpResponse<String> details = get("/prod/backups/" + name);
                assertThat(details.statusCode()).as(name).isEqualTo(400);
                assertThat(post("/prod/backups/" + name + "/restore?mode=merge").statusCode()).as(name)
                        .isEqualTo(400);
            }
        }

        @Test
        void aCorruptedFileIsRefusedWithNothingChanged() throws IOException {
            insert("SV001", "Mai");
            String name = backup();
            Path file = backupsFolder().resolve(name);
            byte[] whole = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 10));
            insert("SV002", "Lan");

            HttpResponse<String> response = post("/prod/backups/" + name + "/restore?mode=replace&confirm=" + name);

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode body = Json.parse(response.body());
            assertThat(body.get("code").asText()).isEqualTo("INVALID_BACKUP");
            assertThat(body.get("problem").get("code").asText()).isEqualTo("NOT_JSON");
            assertThat(studentIds()).containsExactly("SV001", "SV002");
            assertThat(backupNames()).containsExactly(name);
        }

        @Test
        void aForeignJsonFileOrAnInvalidRowIsRefusedWithNothingChanged() throws IOException {
            insert("SV001", "Mai");
            Files.createDirectories(backupsFolder());
            Files.writeString(backupsFolder().resolve("dynamodb-export.json"),
                    "{\"Items\":[{\"studentid\":{\"S\":\"SV009\"}}],\"Count\":1}", StandardCharsets.UTF_8);
            Files.writeString(backupsFolder().resolve("edited.json"), "[" + student("SV009", "Lan") + ","
                    + student("SV010", "Hùng").replace("2003-02-28", "2003-02-30") + "]", StandardCharsets.UTF_8);

            HttpResponse<String> foreign = post("/prod/backups/dynamodb-export.json/restore?mode=merge");
            HttpResponse<String> invalid = post("/prod/backups/edited.json/restore?mode=merge");

            assertThat(foreign.statusCode()).isEqualTo(400);
            assertThat(Json.parse(foreign.body()).get("problem").get("code").asText()).isEqualTo("NOT_A_BACKUP");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(Json.parse(invalid.body()).get("problem").toString())
                    .isEqualTo("{\"row\":2,\"field\":\"birthdate\",\"code\":\"INVALID_DATE\"}");
            assertThat(studentIds()).containsExactly("SV001");
            assertThat(backupNames()).containsExactlyInAnyOrder("dynamodb-export.json", "edited.json");
        }

        @Test
        void aBackupNotOrderedByIdIsCheckedInFullBeforeItIsRestored() throws IOException {
            insert("SV001", "Mai");
            Files.createDirectories(backupsFolder());
            Files.writeString(backupsFolder().resolve("unordered.json"), "[" + student("SV009", "Lan") + ","
                    + student("SV003", "Hùng") + "]", StandardCharsets.UTF_8);
            Files.writeString(backupsFolder().resolve("unordered-invalid.json"), "[" + student("SV009", "Lan") + ","
                    + student("SV003", "Hùng") + "," + student("SV004", "Tú").replace("2003-02-28", "2003-02-30")
                    + "]", StandardCharsets.UTF_8);

            HttpResponse<String> invalid = post("/prod/backups/unordered-invalid.json/restore?mode=merge");

            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(Json.parse(invalid.body()).get("problem").toString())
                    .isEqualTo("{\"row\":3,\"field\":\"birthdate\",\"code\":\"INVALID_DATE\"}");
            assertThat(studentIds()).containsExactly("SV001");
            assertThat(backupNames()).containsExactlyInAnyOrder("unordered.json", "unordered-invalid.json");

            JsonNode body = ok(post("/prod/backups/unordered.json/restore?mode=merge"));

            assertThat(body.get("inserted").asLong()).isEqualTo(2);
            assertThat(studentIds()).containsExactly("SV001", "SV003", "SV009");
        }
    }

    @Nested
    class Retention {

        @Test
        void keepDeletesOlderBackupsAfterEachNewOneSafetyBackupsIncluded() {
            server.close();
            server = start(Map.of("BACKUP_RETENTION", "keep=2"));
            insert("SV001", "Mai");
            String first = backup();
            String second = backup();
            assertThat(backupNames()).containsExactly(second, first);

            String third = backup();
            assertThat(backupNames()).containsExactly(third, second);

            String safety = ok(post("/prod/backups/" + second + "/restore?mode=merge")).get("safetyBackup").asText();
            assertThat(backupNames()).as("the restored backup is spared").containsExactly(safety, third, second);

            String fourth = backup();
            assertThat(backupNames()).containsExactly(fourth, safety);
        }
    }
}
