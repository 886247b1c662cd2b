package dev.studentapi.controlplane;

/** The verdict on a request's SigV4 signature: accepted for an access key, or refused with API Gateway's error. */
public sealed interface SignatureCheck {

    record Accepted(String accessKeyId) implements SignatureCheck {}

    /** Refused; {@code errorType} goes to {@code x-amzn-ErrorType}, {@code message} to the body. Always a 403. */
    record Refused(String errorType, String message) implements SignatureCheck {}

    static SignatureCheck missingToken() {
        return new Refused("MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    static SignatureCheck incomplete(String message) {
        return new Refused("IncompleteSignatureException", message);
    }

    static SignatureCheck invalid(String message) {
        return new Refused("InvalidSignatureException", message);
    }

    static SignatureCheck unrecognizedClient() {
        return new Refused("UnrecognizedClientException", "The security token included in the request is invalid.");
    }
}
