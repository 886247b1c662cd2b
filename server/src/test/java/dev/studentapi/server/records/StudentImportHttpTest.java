package dev.studentapi.server.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/** Importing a CSV or a JSON array over HTTP on SQLite: all or nothing, conflict policies and dry runs. */
class StudentImportHttpTest {

    private static final String HEADER = "studentid,name,class,birthdate,email\r\n";

    @TempDir
    Path dataDir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, StudentRecordsHttpTest.GENEROUS_PLAN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> importCsv(String query, String csv) {
        return server.send("POST", "/prod/students/import" + query, csv, server.key(), "Content-Type", "text/csv");
    }

    private static String row(String id, String name) {
        return id + "," + name + ",CNTT1,2003-02-28," + id.toLowerCase() + "@example.edu.vn\r\n";
    }

    private JsonNode list() {
        return Json.parse(server.get("/prod/students", server.key()).body());
    }

    private static JsonNode counts(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private List<Path> outbox() throws IOException {
        Path outbox = dataDir.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }

    @Test
    void importsACsvWithColumnsInAnyOrderAndMailsOneSummary() throws IOException {
        HttpResponse<String> response = importCsv("", "email,class,studentid,birthdate,name\r\n"
                + "an@example.edu.vn,CNTT1,SV001,2003-02-28,\"Nguyễn, An\"\n"
                + "binh@example.edu.vn,CNTT2,SV002,2003-03-01,Bình\n");
        JsonNode body = counts(response);
        assertThat(body.get("code").asText()).isEqualTo("IMPORT_DONE");
        assertThat(body.get("inserted").asLong()).isEqualTo(2);
        assertThat(body.get("replaced").asLong()).isZero();
        assertThat(body.get("skipped").asLong()).isZero();
        assertThat(body.get("dryRun").asBoolean()).isFalse();
        JsonNode all = list();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("name").asText()).isEqualTo("Nguyễn, An");
        assertThat(all.get(1).get("class").asText()).isEqualTo("CNTT2");
        List<Path> mails = outbox();
        assertThat(mails).hasSize(1);
        assertThat(Files.readString(mails.get(0))).contains("To: admin@localhost");
    }

    @Test
    void importsAJsonArray() {
        HttpResponse<String> response = server.send("POST", "/prod/students/import",
                "[" + student("SV001", "An") + "," + student("SV002", "Bình") + "]", server.key());
        assertThat(counts(response).get("inserted").asLong()).isEqualTo(2);
        assertThat(list()).hasSize(2);
    }

    @Test
    void refusesTheWholeFileWhenOneRowIsInvalidNamingRowFieldAndCode() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 100_000; i++) {
            csv.append(i == 50_000 ? "SV050000,Bad,CNTT1,2003-02-30,bad@example.edu.vn\r\n"
                    : row(String.format("SV%06d", i), "Student " + i));
        }
        HttpResponse<String> response = importCsv("", csv.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = Json.parse(response.body());
        assertThat(body.get("code").asText()).isEqualTo("IMPORT_INVALID");
        assertThat(body.get("totalErrors").asLong()).isEqualTo(1);
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("row").asLong()).isEqualTo(50_000);
        assertThat(error.get("field").asText()).isEqualTo("birthdate");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_DATE");
        assertThat(error.get("message").asText()).contains("real date");
        assertThat(list()).isEmpty();
    }

    @Test
    void listsTheFirstHundredErrorsAndCountsThemAll() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 150; i++) {
            csv.append(row("SV" + i, "Once")).append(row("SV" + i, "Again")).append(row("X" + i, ""));
        }
        JsonNode body = Json.parse(importCsv("", csv.toString()).body());
        assertThat(body.get("errors")).hasSize(100);
        assertThat(body.get("totalErrors").asLong()).isEqualTo(300);
        assertThat(body.get("errors").get(0).get("row").asLong()).isEqualTo(2);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("studentid");
        assertThat(body.get("errors").get(0).get("code").asText()).isEqualTo("DUPLICATE_IN_FILE");
        assertThat(body.get("errors").get(1).get("row").asLong()).isEqualTo(3);
        assertThat(body.get("errors").get(1).get("field").asText()).isEqualTo("name");
        assertThat(body.get("errors").get(1).get("code").asText()).isEqualTo("REQUIRED");
    }

    @Test
    void onConflictFailRefusesStoredIdsSkipKeepsThemReplaceOverwritesThem() {
        server.post("/prod/students", student("SV001", "Stored"), server.key());
        String csv = HEADER + row("SV001", "From file") + row("SV002", "New");

        HttpResponse<String> failed = importCsv("", csv);
        assertThat(failed.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(failed.body()).get("errors").get(0);
        assertThat(error.get("row").asLong()).isEqualTo(1);
        assertThat(error.get("code").asText()).isEqualTo("DUPLICATE_STUDENT_ID");
        assertThat(list()).hasSize(1);

        JsonNode skipped = counts(importCsv("?onConflict=skip", csv));
        assertThat(skipped.get("inserted").asLong()).isEqualTo(1);
        assertThat(skipped.get("skipped").asLong()).isEqualTo(1);
        assertThat(list().get(0).get("name").asText()).isEqualTo("Stored");

        JsonNode replaced = counts(importCsv("?onConflict=replace", csv));
        assertThat(replaced.get("replaced").asLong()).isEqualTo(2);
        assertThat(list().get(0).get("name").asText()).isEqualTo("From file");
    }

    @Test
    void aDryRunChecksAndCountsButStoresNothing() {
        JsonNode body = counts(importCsv("?dryRun=true", HEADER + row("SV001", "An") + row("SV002", "Bình")));
        assertThat(body.get("dryRun").asBoolean()).isTrue();
        assertThat(body.get("code").asText()).isEqualTo("IMPORT_CHECKED");
        assertThat(body.get("inserted").asLong()).isEqualTo(2);
        assertThat(list()).isEmpty();
        assertThat(importCsv("?dryRun=true", HEADER + row("SV001", "")).statusCode()).isEqualTo(400);
    }

    @Test
    void refusesAHeaderThatLacksOrRepeatsAColumnOrNamesAnUnknownOne() {
        JsonNode body = Json.parse(importCsv("", "studentid,name,name,age,email\r\nSV1,A,A,3,a@b.cd\r\n").body());
        assertThat(body.get("code").asText()).isEqualTo("IMPORT_INVALID");
        assertThat(body.get("errors")).extracting(e -> e.get("row").asLong() + " " + e.get("field").asText() + " "
                + e.get("code").asText()).containsExactly("0 name DUPLICATE_COLUMN", "0 age UNKNOWN_FIELD",
                "0 class REQUIRED", "0 birthdate REQUIRED");
        assertThat(Json.parse(importCsv("", "").body()).get("errors").get(0).get("code").asText())
                .isEqualTo("MISSING_HEADER");
    }

    @Test
    void refusesFilesThatAreNotCsvOrJsonAtTheirRow() {
        JsonNode csv = Json.parse(importCsv("", HEADER + row("SV1", "A") + "SV2,\"never closed,C,D,E\r\n").body());
        assertThat(csv.get("errors").get(0).get("row").asLong()).isEqualTo(2);
        assertThat(csv.get("errors").get(0).get("code").asText()).isEqualTo("INVALID_CSV");
        HttpResponse<String> json = server.send("POST", "/prod/students/import", "[" + student("SV1", "A") + ",{",
                server.key());
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(Json.parse(json.body()).get("errors").get(0).get("code").asText()).isEqualTo("INVALID_JSON");
        HttpResponse<String> object = server.send("POST", "/prod/students/import", student("SV1", "A"),
                server.key());
        assertThat(Json.parse(object.body()).get("errors").get(0).get("code").asText()).isEqualTo("INVALID_JSON");
        assertThat(list()).isEmpty();
    }

    @Test
    void refusesOtherBodyTypesAndParameters() {
        HttpResponse<String> xml = server.send("POST", "/prod/students/import", "<a/>", server.key(),
                "Content-Type", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(Json.parse(xml.body()).get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        for (String query : List.of("?onConflict=merge", "?dryRun=maybe")) {
            HttpResponse<String> response = importCsv(query, HEADER);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Json.parse(response.body()).get("code").asText()).isEqualTo("INVALID_PARAMETER");
        }
    }

    @Test
    void takesBodiesOverOneMebibyteButRefusesOverAHundred() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; csv.length() < 2 * 1024 * 1024; i++) {
            csv.append(row(String.format("SV%06d", i), "Nguyễn Văn Một Hai Ba Bốn Năm " + i));
        }
        assertThat(counts(importCsv("", csv.toString())).get("inserted").asLong()).isGreaterThan(20_000);
        assertThat(server.post("/prod/students", "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}", server.key())
                .statusCode()).isEqualTo(413);

        try (Socket socket = new Socket(server.url("/").getHost(), server.url("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /prod/students/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "x-api-key: " + server.key() + "\r\nContent-Length: " + (100L * 1024 * 1024 + 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
        }
    }
}
