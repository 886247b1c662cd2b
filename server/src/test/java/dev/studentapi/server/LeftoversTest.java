package dev.studentapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.server.config.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a killed server leaves behind: the temporary files of a backup or an e-mail being written are removed at
 * the next start (unless fresh: another server may be writing them) and never listed; and a download link
 * answers HEAD with the headers of its GET.
 */
class LeftoversTest {

    private static final Map<String, String> GENEROUS = Map.of("PLAN_RATE_LIMIT", "1000", "PLAN_BURST_LIMIT", "1000");

    @TempDir
    Path dataDir;

    /** A temporary file as a put or a mail write leaves it when the process is killed mid-write. */
    private Path interruptedWrite(Path folder, String name, Duration age) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.writeString(folder.resolve(name), "{\"students\":[{\"studentid\":\"SV0");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    void theTemporaryFilesOfAKilledServerAreRemovedAtTheNextStartAndNeverListed() throws IOException {
        DataDirectory layout = new DataDirectory(dataDir);
        Path backups = layout.buckets().resolve("student-backup-20250706/backups");
        String key;
        try (TestServer first = TestServer.start(dataDir, GENEROUS)) {
            key = first.key();
            assertThat(first.post("/prod/backup", null, key).statusCode()).isEqualTo(200);
        }
        Path oldBackup = interruptedWrite(backups, ".backup-2026-12-01T10-00-00Z.json.4711.tmp", Duration.ofHours(2));
        Path oldMail = interruptedWrite(layout.outbox(), ".outbox-99.tmp", Duration.ofHours(2));
        Path fresh = interruptedWrite(backups, ".backup-2026-12-01T11-59-59Z.json.4712.tmp", Duration.ZERO);

        try (TestServer second = TestServer.start(dataDir, GENEROUS)) {
            assertThat(oldBackup).doesNotExist();
            assertThat(oldMail).doesNotExist();
            assertThat(fresh).as("another server may still be writing it").exists();
            try (var files = Files.list(backups)) {
                assertThat(files.filter(file -> !file.getFileName().toString().startsWith("."))).hasSize(1);
            }
            HttpResponse<String> listed = second.get("/prod/backups", key);
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(listed.body()).contains("backups/backup-").doesNotContain(".tmp", ".backup-");
        }
    }

    @Test
    void aValidDownloadLinkAnswersHeadWithTheHeadersOfItsGet() {
        try (TestServer server = TestServer.start(dataDir, GENEROUS)) {
            JsonNode backup = Json.parse(server.post("/prod/backup", null, server.key()).body());
            String link = backup.get("downloadUrl").asText().substring(server.server().baseUrl().toString().length());

            HttpResponse<String> get = server.get(link, null);
            HttpResponse<String> head = server.send("HEAD", link, null, null);

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Content-Length"))
                    .hasValue(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
            for (String name : new String[] {"Content-Type", "Content-Disposition", "Cache-Control"}) {
                assertThat(head.headers().firstValue(name)).as(name).isEqualTo(get.headers().firstValue(name));
            }
            String tampered = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");
            assertThat(server.send("HEAD", tampered, null, null).statusCode()).isEqualTo(403);
        }
    }
}
