package dev.studentapi.functions;

/** Stable codes of the data plane's error bodies. */
public enum ErrorCode {
    INVALID_JSON,
    VALIDATION_FAILED,
    DUPLICATE_STUDENT_ID,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    PAYLOAD_TOO_LARGE,
    BACKUP_FAILED,
    BACKUP_MAIL_FAILED,
    LINK_EXPIRED,
    SIGNATURE_MISMATCH,
    SERVICE_UNAVAILABLE,
    INTERNAL_ERROR
}
