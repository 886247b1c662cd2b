package dev.studentapi.dynamodb;

import dev.studentapi.core.StoreException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.function.Supplier;

/** Runs one store operation against DynamoDB, turning every SDK failure into a {@link StoreException}. */
final class DynamoDbCall {

    private DynamoDbCall() {
    }

    /** The result of {@code work}; an SDK exception becomes a StoreException naming {@code operation} only. */
    static <T> T run(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (SdkException e) {
            throw failed(operation, e);
        }
    }

    static StoreException failed(String operation, Throwable cause) {
        return new StoreException("DynamoDB: cannot " + operation, cause);
    }
}
