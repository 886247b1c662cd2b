package dev.studentapi.core.apikey;

/** A request about keys or plans that cannot be carried out; {@link #kind()} says why. */
public class ApiKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused; entry points map each kind to their own status. */
    public enum Kind { NOT_FOUND, BAD_REQUEST, CONFLICT }

    private final Kind kind;

    public ApiKeyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ApiKeyException notFound(String message) {
        return new ApiKeyException(Kind.NOT_FOUND, message);
    }

    public static ApiKeyException badRequest(String message) {
        return new ApiKeyException(Kind.BAD_REQUEST, message);
    }

    public static ApiKeyException conflict(String message) {
        return new ApiKeyException(Kind.CONFLICT, message);
    }
}
