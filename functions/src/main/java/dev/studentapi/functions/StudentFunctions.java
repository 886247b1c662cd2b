package dev.studentapi.functions;

import dev.studentapi.core.backup.BackupOutcome;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.mail.MailDelivery;
import dev.studentapi.core.student.InsertOutcome;
import dev.studentapi.core.student.StudentService;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The reference system's three functions — getStudentData, insertStudentData and
 * BackupDynamoDBAndSendEmail — as plain Java: bytes in, status and JSON out. The HTTP server and the Lambda
 * handlers both call these, so that every status and message is decided here once.
 */
public final class StudentFunctions {

    /** Lists up to this size are kept for reuse while the store reports no change (about 110,000 students). */
    static final int REUSED_LIST_MAX_BYTES = 16 * 1024 * 1024;

    private final StudentService students;
    private final BackupService backups;
    private final Language language;
    private final DataPlaneReplies replies;
    private final StudentListCache lists;

    public StudentFunctions(StudentService students, BackupService backups, Language language) {
        this.students = students;
        this.backups = backups;
        this.language = language;
        this.replies = new DataPlaneReplies(language);
        this.lists = new StudentListCache(students::changeVersion, this::buildList, REUSED_LIST_MAX_BYTES);
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
        return respond(201, json -> {
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
