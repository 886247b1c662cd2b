package dev.studentapi.functions;

import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.ImportOptions;
import dev.studentapi.core.student.ImportOutcome;
import dev.studentapi.core.student.ImportRow;
import dev.studentapi.core.student.ImportSource;
import dev.studentapi.core.student.StudentImport;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The import function: reads a CSV or JSON array body (twice: to check every row, then to store), all or nothing,
 * and answers the counts or the first row errors.
 */
final class ImportFunction {

    /** The most row errors an answer lists; {@code totalErrors} counts them all. */
    static final int LISTED_ERRORS = 100;

    private enum Format { CSV, JSON }

    private final StudentImport imports;
    private final Language language;
    private final DataPlaneReplies replies;

    ImportFunction(StudentImport imports, Language language, DataPlaneReplies replies) {
        this.imports = imports;
        this.language = language;
        this.replies = replies;
    }

    ApiResponse run(ImportRequest request) throws IOException {
        Optional<ConflictPolicy> policy = policy(request.query().get("onConflict"));
        if (policy.isEmpty()) {
            return replies.invalidParameter("onConflict", "fail, skip, replace");
        }
        String dryRun = request.query().getOrDefault("dryRun", "false").toLowerCase(Locale.ROOT);
        if (!dryRun.equals("true") && !dryRun.equals("false")) {
            return replies.invalidParameter("dryRun", "true, false");
        }
        Optional<Format> format = request.contentType().flatMap(ImportFunction::format);
        if (format.isEmpty()) {
            return replies.error(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, Text.UNSUPPORTED_MEDIA_TYPE.in(language));
        }
        try {
            if (format.get() == Format.CSV) {
                List<ImportFileReader.HeaderProblem> header;
                try (InputStream in = request.body().open()) {
                    header = ImportFileReader.headerProblems(in);
                }
                if (!header.isEmpty()) {
                    return refused(header.stream().map(p -> new Listed(0, p.field(), p.code(), p.message()))
                            .toList(), header.size());
                }
            }
            ImportOutcome outcome = imports.run(source(request.body(), format.get()),
                    new ImportOptions(policy.get(), dryRun.equals("true")));
            if (outcome instanceof ImportOutcome.Refused refused) {
                return refused(refused.firstErrors().stream().map(e -> new Listed(e.row(), e.field(), e.code(),
                        e.messageIn(language))).toList(), refused.totalErrors());
            }
            return imported((ImportOutcome.Imported) outcome);
        } catch (MalformedFileException e) {
            return refused(List.of(new Listed(e.row(), null, e.code(), e.getMessage())), 1);
        }
    }

    private static ImportSource source(ImportRequest.Body body, Format format) {
        return sink -> {
            try (InputStream in = body.open()) {
                ImportFileReader.RowSink rows = (row, fields) -> sink.accept(new ImportRow(row, fields));
                if (format == Format.CSV) {
                    ImportFileReader.csv(in, rows);
                } else {
                    ImportFileReader.jsonArray(in, rows);
                }
            }
        };
    }

    private static Optional<Format> format(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        type = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        if (type.equals("text/csv")) {
            return Optional.of(Format.CSV);
        }
        if (type.equals("application/json") || type.endsWith("+json")) {
            return Optional.of(Format.JSON);
        }
        return Optional.empty();
    }

    private static Optional<ConflictPolicy> policy(String value) {
        if (value == null) {
            return Optional.of(ConflictPolicy.FAIL);
        }
        return Arrays.stream(ConflictPolicy.values()).filter(p -> p.name().equalsIgnoreCase(value)).findFirst();
    }


    /** One listed row error: the row (0 for the header), the field (null for the whole row), code and reason. */
    private record Listed(long row, String field, String code, String message) {
    }

    private ApiResponse refused(List<Listed> errors, long total) {
        return JsonBodies.respond(400, json -> {
            json.writeStartObject();
            json.writeStringField("message", Text.IMPORT_REFUSED.in(language, total));
            json.writeStringField("code", ErrorCode.IMPORT_INVALID.name());
            json.writeArrayFieldStart("errors");
            for (Listed error : errors.subList(0, Math.min(errors.size(), LISTED_ERRORS))) {
                json.writeStartObject();
                json.writeNumberField("row", error.row());
                json.writeStringField("field", error.field());
                json.writeStringField("code", error.code());
                json.writeStringField("message", error.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("totalErrors", total);
            json.writeEndObject();
        });
    }

    private ApiResponse imported(ImportOutcome.Imported imported) {
        BulkCounts counts = imported.counts();
        Text sentence = imported.dryRun() ? Text.IMPORT_CHECKED : Text.IMPORT_DONE;
        return JsonBodies.respond(200, json -> {
            json.writeStartObject();
            json.writeStringField("message", sentence.in(language, counts.inserted(), counts.replaced(),
                    counts.skipped()));
            json.writeStringField("code", imported.dryRun() ? SuccessCode.IMPORT_CHECKED.name()
                    : SuccessCode.IMPORT_DONE.name());
            json.writeNumberField("inserted", counts.inserted());
            json.writeNumberField("replaced", counts.replaced());
            json.writeNumberField("skipped", counts.skipped());
            json.writeBooleanField("dryRun", imported.dryRun());
            json.writeEndObject();
        });
    }
}
