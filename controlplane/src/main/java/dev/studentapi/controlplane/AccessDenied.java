package dev.studentapi.controlplane;

/** A call the caller's credential is not allowed to make, answered as 403 AccessDeniedException in these words. */
final class AccessDenied extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AccessDenied(String message) {
        super(message, null, false, false);
    }
}
