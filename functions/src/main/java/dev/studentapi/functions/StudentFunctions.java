package dev.studentapi.functions;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.studentapi.core.backup.BackupOutcome;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.student.FieldProblem;
import dev.studentapi.core.student.InsertOutcome;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentService;
import dev.studentapi.core.student.StudentValidation;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reference system's three functions — getStudentData, insertStudentData and
 * BackupDynamoDBAndSendEmail — as plain Java: bytes in, status and JSON out. The HTTP server and the Lambda
 * handlers both call these, so that every status and message is decided here once.
 */
public final class StudentFunctions {

    private static final JsonFactory JSON = new JsonFactory();
    /** Lists up to this size are kept for reuse while the store reports no change (about 110,000 students). */
    static final int REUSED_LIST_MAX_BYTES = 16 * 1024 * 1024;

    /** A list response (being built, or built) and the store's change version read before it was built. */
    private record BuiltList(long version, CompletableFuture<ApiResponse> response) {
    }

    private final StudentService students;
    private final BackupService backups;
    private final Language language;
    private final AtomicReference<BuiltList> lastList = new AtomicReference<>();

    public StudentFunctions(StudentService students, BackupService backups, Language language) {
        this.students = students;
        this.backups = backups;
        this.language = language;
    }

    /**
     * getStudentData: every student, ordered by id. The last list is answered again while the store reports no
     * commit since it was read, so a write is in the very next list; after a commit, one request builds the new
     * list and the requests that arrive meanwhile wait for it instead of each building their own.
     */
    public ApiResponse listStudents() {
        OptionalLong reported = students.changeVersion();
        if (reported.isEmpty()) {
            return buildList();
        }
        long version = reported.getAsLong();
        BuiltList last = lastList.get();
        if (last == null || last.version() != version) {
            BuiltList mine = new BuiltList(version, new CompletableFuture<>());
            if (lastList.compareAndSet(last, mine)) {
                return build(mine);
            }
            last = lastList.get();
            if (last == null || last.version() != version) {
                return buildList();
            }
        }
        return awaitBuilt(last);
    }

    private ApiResponse build(BuiltList entry) {
        ApiResponse response;
        try {
            response = buildList();
        } catch (RuntimeException e) {
            lastList.compareAndSet(entry, null);
            entry.response().completeExceptionally(e);
            throw e;
        }
        entry.response().complete(response);
        if (response.body().length > REUSED_LIST_MAX_BYTES) {
            lastList.compareAndSet(entry, null);
        }
        return response;
    }

    private static ApiResponse awaitBuilt(BuiltList entry) {
        try {
            return entry.response().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ApiResponse buildList() {
        return respond(200, json -> {
            json.writeStartArray();
            students.forEach(student -> StudentJson.write(json, student));
            json.writeEndArray();
        });
    }

    /** insertStudentData: validate, store, confirm by e-mail. */
    public ApiResponse insertStudent(byte[] body) {
        Optional<Map<String, Object>> submitted = SubmittedBody.parse(body);
        if (submitted.isEmpty()) {
            return message(400, Text.INVALID_DATA.in(language));
        }
        InsertOutcome outcome = students.register(submitted.get());
        if (outcome instanceof InsertOutcome.Rejected rejected) {
            return rejected(rejected.problems());
        }
        if (outcome instanceof InsertOutcome.Duplicate duplicate) {
            return message(409, Text.DUPLICATE_ID.in(language, duplicate.studentId()));
        }
        InsertOutcome.Saved saved = (InsertOutcome.Saved) outcome;
        String text = saved.confirmation() instanceof MailDelivery.Failed failed
                ? Text.SAVED_MAIL_FAILED.in(language, saved.student().email(), failed.reason())
                : Text.SAVED_AND_MAILED.in(language);
        return respond(201, json -> {
            json.writeStartObject();
            json.writeStringField("message", text);
            json.writeFieldName("student");
            StudentJson.write(json, saved.student());
            json.writeEndObject();
        });
    }

    /** BackupDynamoDBAndSendEmail: snapshot to the bucket, then mail the download link. */
    public ApiResponse backup() {
        BackupOutcome outcome;
        try {
            outcome = backups.run();
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return message(500, Text.BACKUP_FAILED.in(language, reason));
        }
        if (outcome.notice() instanceof MailDelivery.Failed failed) {
            return respond(500, json -> {
                json.writeStartObject();
                json.writeStringField("message", Text.BACKUP_MAIL_FAILED.in(language, failed.reason()));
                json.writeStringField("key", outcome.object().key());
                json.writeEndObject();
            });
        }
        return respond(200, json -> {
            json.writeStartObject();
            json.writeStringField("message", Text.BACKUP_DONE.in(language));
            json.writeStringField("bucket", outcome.object().bucket());
            json.writeStringField("key", outcome.object().key());
            json.writeNumberField("count", outcome.count());
            json.writeNumberField("bytes", outcome.object().bytes());
            json.writeStringField("downloadUrl", outcome.downloadLink().toString());
            json.writeStringField("expiresAt", outcome.expiresAt().toString());
            json.writeEndObject();
        });
    }

    private ApiResponse rejected(StudentValidation.Invalid invalid) {
        Map<String, FieldProblem> problems = invalid.problems();
        List<String> unknown = problems.entrySet().stream()
                .filter(e -> e.getValue() == FieldProblem.UNKNOWN_FIELD).map(Map.Entry::getKey).sorted().toList();
        String text;
        if (invalid.anyMissing()) {
            text = Text.MISSING_FIELDS.in(language);
        } else if (unknown.size() == problems.size()) {
            text = Text.UNKNOWN_FIELDS.in(language, String.join(", ", unknown));
        } else {
            Map.Entry<String, FieldProblem> first = problems.entrySet().stream()
                    .filter(e -> e.getValue() != FieldProblem.UNKNOWN_FIELD).findFirst().orElseThrow();
            text = Text.INVALID_FIELD.in(language, first.getKey() + " " + reason(first.getValue()));
        }
        return respond(400, json -> {
            json.writeStartObject();
            json.writeStringField("message", text);
            json.writeObjectFieldStart("errors");
            for (String field : problems.keySet().stream().sorted(FIELD_ORDER).toList()) {
                json.writeStringField(field, reason(problems.get(field)));
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private static final java.util.Comparator<String> FIELD_ORDER = java.util.Comparator
            .comparingInt((String f) -> {
                int index = dev.studentapi.core.student.StudentValidator.FIELDS.indexOf(f);
                return index < 0 ? Integer.MAX_VALUE : index;
            }).thenComparing(f -> f);

    private String reason(FieldProblem problem) {
        return Text.valueOf("PROBLEM_" + problem.name()).in(language);
    }

    /** A {@code {"message": text}} response. */
    public static ApiResponse message(int status, String text) {
        return respond(status, json -> {
            json.writeStartObject();
            json.writeStringField("message", text);
            json.writeEndObject();
        });
    }

    private interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    private static ApiResponse respond(int status, JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiResponse(status, out.toByteArray());
    }

}
