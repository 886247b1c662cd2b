package dev.studentapi.functions;

import dev.studentapi.core.backup.BackupOutcome;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.student.InsertOutcome;
import dev.studentapi.core.student.StudentImport;
import dev.studentapi.core.student.StudentService;
import dev.studentapi.core.student.StudentTag;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The reference system's three functions — getStudentData, insertStudentData and
 * BackupDynamoDBAndSendEmail — and the records functions (read one, replace, patch, delete, pages, export, import)
 * as plain Java: bytes and parameters in, status and body out. The HTTP server, the CLI and the Lambda handlers
 * all call these, so that every status and message is decided here once.
 */
public final class StudentFunctions {

    /** Lists up to this size are kept for reuse while the store reports no change (about 110,000 students). */
    static final int REUSED_LIST_MAX_BYTES = 16 * 1024 * 1024;

    private final StudentService students;
    private final BackupService backups;
    private final Language language;
    private final DataPlaneReplies replies;
    private final StudentListCache lists;
    private final RecordFunctions records;
    private final ImportFunction imports;

    /** The functions over these services; page cursors are signed with {@code cursors}. */
    public StudentFunctions(StudentService students, BackupService backups, StudentImport imports,
                            PageCursor cursors, Language language) {
        this.students = students;
        this.backups = backups;
        this.language = language;
        this.replies = new DataPlaneReplies(language);
        this.lists = new StudentListCache(students::changeVersion, this::buildList, REUSED_LIST_MAX_BYTES);
        this.records = new RecordFunctions(students, cursors, language, replies, lists::get);
        this.imports = new ImportFunction(imports, language, replies);
    }

    /** getStudentData: every student, ordered by id (see {@link StudentListCache} for when a list is reused). */
    public ApiResponse listStudents() {
        return lists.get();
    }

    private ApiResponse buildList() {
        return respond(200, json -> {
            json.writeStartArray();
            students.forEach(student -> StudentJson.write(json, student));
            json.writeEndArray();
        });
    }

    /**
     * GET on the students: without parameters the full list ({@link #listStudents()}); with {@code limit} (1-1000)
     * a page by key and a {@code Link} to the next one while more remain ({@code cursor} continues it); filters
     * {@code class} (exact) and {@code q} (accent- and case-insensitive); {@code format=csv} or an
     * {@code Accept: text/csv} streams CSV instead. 400 INVALID_PARAMETER or INVALID_CURSOR otherwise.
     */
    public DataPlaneAnswer listStudents(ListRequest request) {
        return records.list(request);
    }

    /** GET one student: 200 with its ETag, or 404 STUDENT_NOT_FOUND. */
    public ApiResponse getStudent(String studentId) {
        return records.get(studentId);
    }

    /**
     * PUT: replaces the student's fields with the body (either shape; studentid may be left out, one that differs
     * is 400); 200 with the new ETag, 404, 412 when {@code ifMatch} no longer matches.
     */
    public ApiResponse replaceStudent(String studentId, byte[] body, Optional<String> ifMatch) {
        return records.replace(studentId, body, ifMatch);
    }

    /** PATCH: applies the body as a JSON merge patch (either shape); answers as {@link #replaceStudent}. */
    public ApiResponse patchStudent(String studentId, byte[] body, Optional<String> ifMatch) {
        return records.patch(studentId, body, ifMatch);
    }

    /** DELETE: 204, 404, or 412 when {@code ifMatch} no longer matches. */
    public ApiResponse deleteStudent(String studentId, Optional<String> ifMatch) {
        return records.delete(studentId, ifMatch);
    }

    /**
     * POST an import: a CSV ({@code text/csv}, header row required) or a JSON array; {@code onConflict} fail, skip
     * or replace, {@code dryRun=true} checks only. 200 with the counts; 400 with the row errors, storing nothing;
     * 415 for another body type. The body is read twice.
     */
    public ApiResponse importStudents(ImportRequest request) throws IOException {
        return imports.run(request);
    }

    /** insertStudentData: validate, store, confirm by e-mail. */
    public ApiResponse insertStudent(byte[] body) {
        Optional<Map<String, Object>> submitted = SubmittedBody.parse(body);
        if (submitted.isEmpty()) {
            return replies.invalidJson();
        }
        InsertOutcome outcome = students.register(submitted.get());
        if (outcome instanceof InsertOutcome.Rejected rejected) {
            return replies.validationFailed(rejected.problems());
        }
        if (outcome instanceof InsertOutcome.Duplicate duplicate) {
            return replies.duplicateStudentId(duplicate.studentId());
        }
        InsertOutcome.Saved saved = (InsertOutcome.Saved) outcome;
        MailDelivery.Failed failed = saved.confirmation() instanceof MailDelivery.Failed f ? f : null;
        return JsonBodies.respond(201, Map.of("ETag", StudentTag.of(saved.student()).value()), json -> {
            json.writeStartObject();
            if (failed == null) {
                json.writeStringField("message", Text.SAVED_AND_MAILED.in(language));
                json.writeStringField("code", SuccessCode.STUDENT_SAVED.name());
            } else {
                json.writeStringField("message",
                        Text.SAVED_MAIL_FAILED.in(language, saved.student().email(), failed.reason()));
                json.writeStringField("code", SuccessCode.STUDENT_SAVED_MAIL_FAILED.name());
                json.writeStringField("mailError", failed.reason());
            }
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
            return replies.backupFailed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (outcome.notice() instanceof MailDelivery.Failed failed) {
            return replies.backupMailFailed(failed.reason(), outcome.object().key());
        }
        return respond(200, json -> {
            json.writeStartObject();
            json.writeStringField("message", Text.BACKUP_DONE.in(language));
            json.writeStringField("code", SuccessCode.BACKUP_DONE.name());
            json.writeStringField("bucket", outcome.object().bucket());
            json.writeStringField("key", outcome.object().key());
            json.writeNumberField("count", outcome.count());
            json.writeNumberField("bytes", outcome.object().bytes());
            json.writeStringField("downloadUrl", outcome.downloadLink().toString());
            json.writeStringField("expiresAt", outcome.expiresAt().toString());
            json.writeEndObject();
        });
    }

    /** The error answers in this deployment's language, for the entry points that call these functions. */
    public DataPlaneReplies replies() {
        return replies;
    }

    private static ApiResponse respond(int status, JsonBodies.Body body) {
        return JsonBodies.respond(status, body);
    }
}
