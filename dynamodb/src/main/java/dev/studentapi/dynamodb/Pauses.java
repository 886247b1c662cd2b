package dev.studentapi.dynamodb;

import dev.studentapi.core.StoreException;

/** Short, growing pauses before retrying work that DynamoDB left unprocessed or cancelled on a conflict. */
final class Pauses {

    private static final long MAX_MILLIS = 1_000;

    private Pauses() {
    }

    /** Returns at once for attempt 0, then pauses 20, 40, 80 … ms, at most one second. */
    static void beforeRetry(int attempt) {
        if (attempt == 0) {
            return;
        }
        long millis = Math.min(MAX_MILLIS, 10L << Math.min(attempt, 10));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("DynamoDB: interrupted while waiting to retry", e);
        }
    }
}
