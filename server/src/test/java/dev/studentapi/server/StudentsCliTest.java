package dev.studentapi.server;

import dev.studentapi.server.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code students import} and {@code students export} on the data directory a server is using. */
class StudentsCliTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Result(int code, String out, String err, String bytes) {}

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Main.run(args, Map.of("DATA_DIR", dataDir.toString()), new PrintWriter(out, true),
                new PrintWriter(err, true), bytes);
        return new Result(code, out.toString(), err.toString(), bytes.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(files.resolve(name), text);
    }

    @Test
    void importsACsvThatTheServerListsAtOnceAndExportsItBack() throws IOException {
        Path csv = file("term.csv", "studentid,name,class,birthdate,email\r\n"
                + "SV001,\"Nguyễn, An\",CNTT1,2003-02-28,an@example.edu.vn\r\n"
                + "SV002,Trần Thắng,CNTT2,2003-03-01,thang@example.edu.vn\r\n");
        Result imported = cli("students", "import", csv.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("2 inserted");
        assertThat(Json.parse(server.get("/prod/students", server.key()).body())).hasSize(2);

        Result all = cli("students", "export");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.bytes()).isEqualTo(Files.readString(csv));
        Result thang = cli("students", "export", "--q", "thang");
        assertThat(thang.bytes()).isEqualTo("studentid,name,class,birthdate,email\r\n"
                + "SV002,Trần Thắng,CNTT2,2003-03-01,thang@example.edu.vn\r\n");
        assertThat(cli("students", "export", "--class", "CNTT1").bytes()).contains("SV001").doesNotContain("SV002");
    }

    @Test
    void refusesAFileWithABadRowStoringNothingAndNamingTheRow() throws IOException {
        Path csv = file("bad.csv", "studentid,name,class,birthdate,email\r\n"
                + "SV001,An,CNTT1,2003-02-28,an@example.edu.vn\r\n"
                + "SV002,Bình,CNTT1,2003-02-30,binh@example.edu.vn\r\n");
        Result refused = cli("students", "import", csv.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("IMPORT_INVALID").contains("row 2 birthdate: INVALID_DATE");
        assertThat(server.get("/prod/students", server.key()).body()).isEqualTo("[]");
    }

    @Test
    void honoursOnConflictAndDryRunAndReadsJsonArrays() throws IOException {
        server.post("/prod/students", Json.student("SV001", "Stored"), server.key());
        Path json = file("term.json", "[" + Json.student("SV001", "From file") + "," + Json.student("SV002", "New")
                + "]");
        assertThat(cli("students", "import", json.toString()).code()).isEqualTo(1);
        Result dry = cli("students", "import", json.toString(), "--on-conflict", "replace", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("1 would be inserted, 1 replaced");
        assertThat(Json.parse(server.get("/prod/students", server.key()).body())).hasSize(1);
        Result skipped = cli("students", "import", json.toString(), "--on-conflict", "skip");
        assertThat(skipped.out()).contains("1 inserted, 0 replaced, 1 skipped");
        assertThat(Json.parse(server.get("/prod/students", server.key()).body()).get(0).get("name").asText())
                .isEqualTo("Stored");
        Result wrong = cli("students", "import", json.toString(), "--on-conflict", "merge");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("error: INVALID_PARAMETER: ");
        assertThat(cli("students", "import", files.resolve("missing.csv").toString()).code()).isEqualTo(2);
    }
}
