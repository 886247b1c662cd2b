package dev.studentapi.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.DataPlaneAnswer;
import dev.studentapi.functions.ImportRequest;
import dev.studentapi.functions.ListRequest;
import dev.studentapi.functions.StudentFunctions;
import dev.studentapi.server.Components;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Imports and exports students on the server's data directory through the same functions as
 * {@code POST /students/import} and {@code GET /students?format=csv}.
 */
@Command(name = "students", description = "Import or export students.",
        subcommands = {StudentsCommand.Import.class, StudentsCommand.Export.class})
final class StudentsCommand implements Runnable {

    /** Exit status of an import whose rows were refused (nothing stored). */
    static final int REFUSED = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    Main main;

    @Override
    public void run() {
        main.spec.commandLine().getSubcommands().get("students").usage(main.spec.commandLine().getOut());
    }

    /** {@code students import <file>}: a CSV (or a .json array), all or nothing. */
    @Command(name = "import", description = "Import a CSV file (header row required) or a JSON array (.json).")
    static final class Import implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        StudentsCommand parent;
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--on-conflict", paramLabel = "fail|skip|replace", defaultValue = "fail",
                description = "What to do with an id that is already stored (default: fail).")
        String onConflict;
        @Option(names = "--dry-run", description = "Check every row and count, store nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws IOException {
            Main main = parent.main;
            PrintWriter err = main.spec.commandLine().getErr();
            if (!Files.isReadable(file)) {
                err.println("error: cannot read " + file);
                return 2;
            }
            String type = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? "application/json" : "text/csv";
            Map<String, String> query = new LinkedHashMap<>();
            query.put("onConflict", onConflict);
            query.put("dryRun", Boolean.toString(dryRun));
            try (Components c = Stores.open(main)) {
                ApiResponse response = c.dataPlane().functions().importStudents(
                        new ImportRequest(Optional.of(type), query, () -> Files.newInputStream(file)));
                return report(response, main.spec.commandLine().getOut(), err);
            }
        }

        private static int report(ApiResponse response, PrintWriter out, PrintWriter err) throws IOException {
            JsonNode body = JSON.readTree(response.body());
            if (response.status() == 200) {
                out.println(body.get("message").asText());
                return 0;
            }
            err.println("error: " + body.get("code").asText() + ": " + body.get("message").asText());
            if (body.has("errors")) {
                for (JsonNode error : body.get("errors")) {
                    err.println("  row " + error.get("row").asLong() + (error.get("field").isNull() ? ""
                            : " " + error.get("field").asText()) + ": " + error.get("code").asText() + ": "
                            + error.get("message").asText());
                }
            }
            return response.status() == 400 && body.has("errors") ? REFUSED : 2;
        }
    }

    /** {@code students export}: every student (or those of a class or a search) as CSV on standard output. */
    @Command(name = "export", description = "Write the students as CSV to standard output.")
    static final class Export implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        StudentsCommand parent;
        @Option(names = "--class", paramLabel = "CLASS", description = "Only this class (exact).")
        String className;
        @Option(names = "--q", paramLabel = "TEXT", description = "Only ids, names or e-mails containing this text.")
        String text;

        @Override
        public Integer call() throws IOException {
            Main main = parent.main;
            Map<String, String> query = new LinkedHashMap<>();
            query.put("format", "csv");
            if (className != null) {
                query.put("class", className);
            }
            if (text != null) {
                query.put("q", text);
            }
            try (Components c = Stores.open(main)) {
                StudentFunctions functions = c.dataPlane().functions();
                DataPlaneAnswer answer = functions.listStudents(new ListRequest("/students", query, Optional.empty()));
                if (answer instanceof ApiResponse refused) {
                    main.spec.commandLine().getErr().println("error: " + JSON.readTree(refused.body()).get("message")
                            .asText());
                    return 2;
                }
                OutputStream out = main.stdout;
                answer.writeBody(out);
                out.flush();
                return 0;
            }
        }
    }
}
