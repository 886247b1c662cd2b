package dev.studentapi.testkit.fake;

import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.testkit.contract.ObjectStoreContract;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

class InMemoryObjectStoreTest extends ObjectStoreContract {

    private InMemoryObjectStore memory;

    @Override
    protected ObjectStore createStore() {
        memory = new InMemoryObjectStore("student-backups");
        return memory;
    }

    @Override
    protected Optional<byte[]> read(String key) {
        return memory.content(key);
    }

    @Override
    protected Set<String> everything() {
        return new HashSet<>(memory.keys());
    }

    @Override
    protected void leaveAnInterruptedPut(String key) {
        // a put that never returns stores nothing in memory
    }
}
