package dev.studentapi.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.studentapi.core.backup.Backup;
import dev.studentapi.core.backup.BackupCursor;
import dev.studentapi.core.backup.BackupDetails;
import dev.studentapi.core.backup.BackupName;
import dev.studentapi.core.backup.BackupPage;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.backup.RestoreMode;
import dev.studentapi.core.backup.RestoreOutcome;
import dev.studentapi.core.backup.SnapshotProblem;
import dev.studentapi.core.student.FieldProblem;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The backup routes as plain Java (list, details with a fresh link, restore): parameters in, status and JSON out,
 * for the HTTP server and the Lambda handlers alike. A failing bucket or store throws
 * {@link UncheckedIOException} (or the store's own exception), which the entry points answer as a failure.
 */
public final class BackupFunctions {

    private final BackupService backups;
    private final Language language;
    private final DataPlaneReplies replies;

    public BackupFunctions(BackupService backups, Language language) {
        this.backups = backups;
        this.language = language;
        this.replies = new DataPlaneReplies(language);
    }

    /**
     * GET /{stage}/backups: a page of backups newest first; while more remain, {@code nextCursor} in the body and a
     * {@code Link: <path?limit=..&cursor=..>; rel="next"} header ({@code path} is the request's own).
     */
    public ApiResponse list(String path, Optional<String> limit, Optional<String> cursor) {
        Optional<Integer> size = limit.isEmpty() ? Optional.of(BackupService.DEFAULT_PAGE) : pageSize(limit.get());
        if (size.isEmpty()) {
            return replies.invalidParameter("limit", "a whole number from 1 to " + BackupService.MAX_PAGE);
        }
        Optional<BackupCursor> after = cursor.flatMap(BackupCursor::parse);
        if (cursor.isPresent() && after.isEmpty()) {
            return replies.invalidParameter("cursor", "a cursor from the previous page");
        }
        BackupPage page = unchecked(() -> backups.list(size.get(), after));
        Map<String, String> headers = page.next().map(next -> Map.of("Link", "<" + path + "?limit=" + size.get()
                + "&cursor=" + URLEncoder.encode(next.token(), StandardCharsets.UTF_8) + ">; rel=\"next\""))
                .orElse(Map.of());
        return JsonBodies.respond(200, headers, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("backups");
            for (Backup backup : page.backups()) {
                json.writeStartObject();
                fields(json, backup);
                json.writeEndObject();
            }
            json.writeEndArray();
            if (page.next().isPresent()) {
                json.writeStringField("nextCursor", page.next().get().token());
            }
            json.writeEndObject();
        });
    }

    /** GET /{stage}/backups/{name}: the backup and a download link valid for an hour from now. */
    public ApiResponse details(String name) {
        Optional<BackupName> parsed = BackupName.parse(name);
        if (parsed.isEmpty()) {
            return invalidName();
        }
        Optional<BackupDetails> details = unchecked(() -> backups.details(parsed.get()));
        if (details.isEmpty()) {
            return notFound(parsed.get());
        }
        return JsonBodies.respond(200, json -> {
            json.writeStartObject();
            fields(json, details.get().backup());
            json.writeStringField("downloadUrl", details.get().downloadUrl().toString());
            json.writeStringField("expiresAt", details.get().expiresAt().toString());
            json.writeEndObject();
        });
    }

    /** POST /{stage}/backups/{name}/restore?mode=merge|replace&amp;confirm=name (mode defaults to merge). */
    public ApiResponse restore(String name, Optional<String> mode, Optional<String> confirm) {
        Optional<BackupName> parsed = BackupName.parse(name);
        if (parsed.isEmpty()) {
            return invalidName();
        }
        Optional<RestoreMode> restoreMode = mode.isEmpty() ? Optional.of(RestoreMode.MERGE)
                : RestoreMode.parse(mode.get());
        if (restoreMode.isEmpty()) {
            return replies.invalidParameter("mode", "merge or replace");
        }
        RestoreOutcome outcome = unchecked(() -> backups.restore(parsed.get(), restoreMode.get(), confirm));
        if (outcome instanceof RestoreOutcome.NotFound notFound) {
            return notFound(notFound.name());
        }
        if (outcome instanceof RestoreOutcome.ConfirmationRequired required) {
            return replies.error(400, ErrorCode.CONFIRMATION_REQUIRED,
                    Text.BACKUP_CONFIRMATION_REQUIRED.in(language, required.name().value()));
        }
        if (outcome instanceof RestoreOutcome.InvalidBackup invalid) {
            return invalidBackup(invalid);
        }
        RestoreOutcome.Restored restored = (RestoreOutcome.Restored) outcome;
        return JsonBodies.respond(200, json -> {
            json.writeStartObject();
            json.writeStringField("message", Text.BACKUP_RESTORED.in(language, restored.name().value(),
                    restored.safetyBackup().value()));
            json.writeStringField("code", SuccessCode.BACKUP_RESTORED.name());
            json.writeStringField("name", restored.name().value());
            json.writeStringField("mode", restored.mode().wireName());
            json.writeStringField("safetyBackup", restored.safetyBackup().value());
            json.writeNumberField("inserted", restored.counts().inserted());
            json.writeNumberField("replaced", restored.counts().replaced());
            json.writeNumberField("skipped", restored.counts().skipped());
            json.writeEndObject();
        });
    }

    /** A call to the bucket or the store. */
    private interface Call<T> {
        T run() throws IOException;
    }

    /** Runs the call; a failing bucket or store surfaces unchecked, for the entry point's failure answer. */
    private static <T> T unchecked(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static void fields(JsonGenerator json, Backup backup) throws IOException {
        json.writeStringField("name", backup.name().value());
        json.writeStringField("key", backup.key());
        json.writeStringField("time", backup.time().toString());
        if (backup.count().isPresent()) {
            json.writeNumberField("count", backup.count().getAsLong());
        } else {
            json.writeNullField("count");
        }
        json.writeNumberField("bytes", backup.bytes());
    }

    private static Optional<Integer> pageSize(String text) {
        if (!text.matches("[0-9]{1,4}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text);
        return value >= 1 && value <= BackupService.MAX_PAGE ? Optional.of(value) : Optional.empty();
    }

    private ApiResponse notFound(BackupName name) {
        return replies.error(404, ErrorCode.BACKUP_NOT_FOUND, Text.BACKUP_NOT_FOUND.in(language, name.value()));
    }

    private ApiResponse invalidName() {
        return replies.invalidParameter("name", "a backup's file name, without '/' or '..'");
    }


    private ApiResponse invalidBackup(RestoreOutcome.InvalidBackup invalid) {
        SnapshotProblem problem = invalid.problem();
        return JsonBodies.respond(400, json -> {
            json.writeStartObject();
            json.writeStringField("message", Text.BACKUP_INVALID.in(language, invalid.name().value(),
                    reason(problem)));
            json.writeStringField("code", ErrorCode.INVALID_BACKUP.name());
            json.writeObjectFieldStart("problem");
            if (problem.row() > 0) {
                json.writeNumberField("row", problem.row());
            }
            if (problem.field().isPresent()) {
                json.writeStringField("field", problem.field().get());
            }
            json.writeStringField("code", problem.code());
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** The problem in words of this deployment's language. */
    private String reason(SnapshotProblem problem) {
        String detail = problem.detail().orElse("");
        if (problem.code().equals(SnapshotProblem.NOT_JSON)) {
            return Text.BACKUP_NOT_JSON.in(language, detail);
        }
        if (problem.field().isEmpty()) {
            return Text.BACKUP_NOT_STUDENTS.in(language, detail);
        }
        Text words = problem.code().equals(SnapshotProblem.DUPLICATE_IN_FILE) ? Text.PROBLEM_DUPLICATE_IN_FILE
                : ValidationReply.reason(FieldProblem.valueOf(problem.code()));
        return Text.BACKUP_ROW_PROBLEM.in(language, problem.row(), problem.field().get(), words.in(language));
    }
}
