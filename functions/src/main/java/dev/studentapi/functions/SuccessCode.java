package dev.studentapi.functions;

/** Stable codes of the data plane's success bodies, so that clients never read meaning out of sentences. */
public enum SuccessCode {
    STUDENT_SAVED,
    STUDENT_SAVED_MAIL_FAILED,
    BACKUP_DONE,
    IMPORT_DONE,
    IMPORT_CHECKED,
    BACKUP_RESTORED
}
