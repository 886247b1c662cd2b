package dev.studentapi.core.apikey;

import java.util.Optional;

/**
 * How key values are kept: as hashes only (the value is shown once, at creation) or, besides the hash, encrypted
 * so that they can be shown again where API Gateway shows them.
 */
public interface KeyValueStorage {

    /** Keeps hashes only: nothing is sealed and nothing can be opened. */
    KeyValueStorage HASH_ONLY = new KeyValueStorage() {
        @Override
        public Optional<SealedValue> seal(String value) {
            return Optional.empty();
        }

        @Override
        public Optional<String> open(SealedValue sealed) {
            return Optional.empty();
        }
    };

    /** The value sealed to be stored with its key, or empty when values are not kept. */
    Optional<SealedValue> seal(String value);

    /** The value in clear, or empty when values are not kept (or this storage cannot open it). */
    Optional<String> open(SealedValue sealed);
}
