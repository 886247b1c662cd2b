package dev.studentapi.server;

import dev.studentapi.server.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI works on a server's data directory, chosen by {@code --data-dir} or {@code DATA_DIR}: run where there is
 * no database, every command but {@code serve} says so in one line naming the path, exits with 2 and creates
 * nothing.
 */
class CliDataDirectoryTest {

    @TempDir
    Path folder;

    private record Result(int code, String out, String err) {}

    private static Result cli(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"keys list", "keys create --name lost", "plans list", "usage --key abc",
            "students export", "keys disable abc"})
    void aFolderWithoutADatabaseIsRefusedInOneLineNamingThePath(String command) {
        Path empty = folder.resolve("elsewhere");

        Result result = cli(Map.of("DATA_DIR", empty.toString()), command.split(" "));

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: no database at " + empty.resolve("student-api.db")
                + " (start the server there first, or choose the data directory with --data-dir or DATA_DIR)"
                + System.lineSeparator());
        assertThat(result.out()).isEmpty();
        assertThat(empty).doesNotExist();
    }

    @Test
    void theDataDirectoryOptionChoosesAServersFolderBeforeOrAfterTheCommand() {
        Path dataDir = folder.resolve("data");
        try (TestServer server = TestServer.start(dataDir, Map.of())) {
            Map<String, String> elsewhere = Map.of("DATA_DIR", folder.resolve("nothing-here").toString());

            Result after = cli(elsewhere, "keys", "list", "--data-dir", dataDir.toString());
            Result before = cli(Map.of(), "--data-dir", dataDir.toString(), "plans", "list");

            assertThat(after.code()).as(after.err()).isZero();
            assertThat(after.out()).contains("StudentApiKey");
            assertThat(before.code()).as(before.err()).isZero();
            assertThat(before.out()).contains("StudentUsagePlan");
            assertThat(server.get("/prod/students", server.key()).statusCode()).isEqualTo(200);
        }
    }
}
