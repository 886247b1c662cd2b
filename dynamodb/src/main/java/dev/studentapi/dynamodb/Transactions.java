package dev.studentapi.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;

/**
 * Runs all-or-nothing writes of several items. A write whose condition fails reports {@code false}; one
 * cancelled only by a conflicting concurrent transaction is retried a few times, then fails.
 */
final class Transactions {

    private static final int ATTEMPTS = 8;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private Transactions() {
    }

    /** True when every write was applied; false, with nothing applied, when a condition did not hold. */
    static boolean write(DynamoDbClient client, String operation, List<TransactWriteItem> items) {
        return DynamoDbCall.run(operation, () -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Pauses.beforeRetry(attempt);
                try {
                    client.transactWriteItems(r -> r.transactItems(items));
                    return true;
                } catch (TransactionCanceledException e) {
                    if (conditionFailed(e)) {
                        return false;
                    }
                    if (attempt == ATTEMPTS - 1) {
                        throw e;
                    }
                }
            }
            throw new IllegalStateException("unreachable");
        });
    }

    private static boolean conditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .map(CancellationReason::code).anyMatch(CONDITION_FAILED::equals);
    }
}
