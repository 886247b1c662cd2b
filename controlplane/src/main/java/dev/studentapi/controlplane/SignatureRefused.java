package dev.studentapi.controlplane;

/** Thrown by the signature check to stop a request before any route runs; rendered as a 403. */
final class SignatureRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SignatureCheck.Refused refused;

    SignatureRefused(SignatureCheck.Refused refused) {
        super(refused.errorType(), null, false, false);
        this.refused = refused;
    }

    SignatureCheck.Refused refused() {
        return refused;
    }
}
