package dev.studentapi.controlplane;

/** A request the control plane cannot read or does not support, answered as BadRequestException in these words. */
final class AwsBadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AwsBadRequest(String message) {
        super(message, null, false, false);
    }
}
