package dev.studentapi.httpfaults;

import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;

import java.io.EOFException;
import java.util.OptionalInt;

/**
 * Tells the failures a client caused (a body it broke off or chunked wrongly, a path it escaped badly) from the
 * server's own, by the cause chain: the web server marks what it could not read with a 4xx status, and a body
 * that ends early is an end of file. A client's failure is answered with its status and logged in one line.
 */
public final class ClientFaults {

    private ClientFaults() {
    }

    /**
     * The status of the web server's own answer to a request it failed with {@code cause} (null: none) at
     * {@code status}: the client's fault's, logged to {@code log} in one line, when the cause is one; else
     * {@code status}, logged with its trace when it is a 5xx. {@code request} names the request in those lines.
     */
    public static int answeredStatus(int status, Throwable cause, Logger log, String request) {
        if (cause == null) {
            return status;
        }
        OptionalInt clientStatus = statusOf(cause);
        if (clientStatus.isPresent()) {
            log.warn("{} refused: {}", request, describe(cause));
            return clientStatus.getAsInt();
        }
        if (status >= 500) {
            log.error("{} failed", request, cause);
        }
        return status;
    }

    /** The 4xx status of a failure the client caused, or empty for the server's own. */
    public static OptionalInt statusOf(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return OptionalInt.of(http.getCode());
            }
            if (cause instanceof HttpException http && http.getCode() == 505) {
                return OptionalInt.of(505);
            }
            if (cause instanceof EOFException) {
                return OptionalInt.of(400);
            }
        }
        return OptionalInt.empty();
    }

    /** What to log of a client's failure: its message and those of its causes, without a trace. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 4; cause = cause.getCause(), depth++) {
            if (text.length() > 0) {
                text.append(": ");
            }
            text.append(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        String line = text.toString().replaceAll("[\\r\\n\\t]", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
