package dev.studentapi.core;

/** An engine behind a port failed (I/O, connection, constraint other than the documented ones). */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
