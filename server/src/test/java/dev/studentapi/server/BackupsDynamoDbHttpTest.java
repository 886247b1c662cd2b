package dev.studentapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.aws.AwsAccess;
import dev.studentapi.s3.S3Connection;
import dev.studentapi.testkit.MotoServer;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.RequiresMotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/** Backups listed, linked and restored over real HTTP with STORE=dynamodb and BUCKET=s3 (moto_server). */
@RequiresMotoServer
class BackupsDynamoDbHttpTest {

    private static MotoServer moto;
    private static S3Connection s3;

    @TempDir
    Path dataDir;
    final MutableClock clock = MutableClock.at("2026-12-01T10:15:00Z");
    final String prefix = "b" + UUID.randomUUID().toString().substring(0, 8);
    final String bucket = "backups-" + prefix;
    TestServer server;
    String key;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        s3 = S3Connection.open(new AwsAccess("us-east-1", Optional.of(moto.endpoint()),
                Optional.of(AwsAccess.Keys.of("test", "test"))));
    }

    @AfterAll
    static void stopMoto() {
        if (s3 != null) {
            s3.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void start() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("STORE", "dynamodb", "BUCKET", "s3",
                "AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "DYNAMODB_TABLE_PREFIX", prefix + "-", "S3_BUCKET_NAME", bucket,
                "PLAN_RATE_LIMIT", "1000", "PLAN_BURST_LIMIT", "1000"));
        env.put("ADMIN_ACCESS_KEY_ID", "AKIASHAREDBYINSTANCES");
        env.put("ADMIN_SECRET_ACCESS_KEY", "the-control-plane-secret-every-instance-shares");
        server = TestServer.start(dataDir, env, clock);
        key = server.key();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    void insert(String id) {
        assertThat(server.post("/prod/students", student(id, "Mai"), key).statusCode()).isEqualTo(201);
    }

    String backup() {
        String name = ok(server.post("/prod/backup", null, key)).get("key").asText().substring("backups/".length());
        clock.advance(Duration.ofMinutes(1));
        return name;
    }

    List<String> studentIds() {
        List<String> ids = new ArrayList<>();
        ok(server.get("/prod/students", key)).forEach(s -> ids.add(s.get("studentid").asText()));
        return ids;
    }

    @Test
    void listsWithTheCountFromTheObjectsMetadataAndLinksWithAPresignedUrl() throws Exception {
        insert("SV001");
        insert("SV002");
        String name = backup();

        JsonNode listed = ok(server.get("/prod/backups", key)).get("backups").get(0);
        JsonNode details = ok(server.get("/prod/backups/" + name, key));

        assertThat(listed.get("name").asText()).isEqualTo(name);
        assertThat(listed.get("count").asLong()).isEqualTo(2);
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(details.get("downloadUrl").asText())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(Json.parse(download.body())).hasSize(2);
    }

    @Test
    void mergeAndReplaceRestoreTheTable() {
        insert("SV001");
        String name = backup();
        insert("SV002");

        JsonNode merged = ok(server.post("/prod/backups/" + name + "/restore?mode=merge", null, key));
        assertThat(merged.get("skipped").asLong()).isEqualTo(1);
        assertThat(studentIds()).containsExactly("SV001", "SV002");

        clock.advance(Duration.ofMinutes(1));
        JsonNode replaced = ok(server.post("/prod/backups/" + name + "/restore?mode=replace&confirm=" + name, null,
                key));
        assertThat(replaced.get("inserted").asLong()).isEqualTo(1);
        assertThat(studentIds()).containsExactly("SV001");

        String safety = replaced.get("safetyBackup").asText();
        assertThat(ok(server.get("/prod/backups/" + safety, key)).get("count").asLong()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        ok(server.post("/prod/backups/" + safety + "/restore?mode=replace&confirm=" + safety, null, key));
        assertThat(studentIds()).containsExactly("SV001", "SV002");
    }

    @Test
    void aCorruptedOrForeignObjectIsRefusedWithNothingChanged() {
        insert("SV001");
        s3.client().putObject(r -> r.bucket(bucket).key("backups/cut.json"),
                RequestBody.fromString("[" + student("SV009", "Lan").substring(0, 40)));
        s3.client().putObject(r -> r.bucket(bucket).key("backups/export.json"),
                RequestBody.fromString("{\"Items\":[{\"studentid\":{\"S\":\"SV009\"}}]}"));

        HttpResponse<String> cut = server.post("/prod/backups/cut.json/restore?mode=replace&confirm=cut.json", null,
                key);
        HttpResponse<String> foreign = server.post("/prod/backups/export.json/restore?mode=merge", null, key);

        assertThat(cut.statusCode()).isEqualTo(400);
        assertThat(Json.parse(cut.body()).get("problem").get("code").asText()).isEqualTo("NOT_JSON");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(Json.parse(foreign.body()).get("problem").get("code").asText()).isEqualTo("NOT_A_BACKUP");
        assertThat(studentIds()).containsExactly("SV001");
        List<String> names = new ArrayList<>();
        ok(server.get("/prod/backups", key)).get("backups").forEach(b -> names.add(b.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("cut.json", "export.json");
    }
}
