package dev.studentapi.testkit.contract;

import dev.studentapi.core.backup.ContentWriter;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.backup.StoredObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ObjectStore} must do: objects appear whole when put returns, or not at all; extend it with
 * a factory for the bucket under test and a way to read the bucket behind the store's back.
 */
public abstract class ObjectStoreContract {

    protected static final String KEY = "backups/backup-20261127-210501.json";

    protected ObjectStore store;

    /** A new, empty store under test. */
    protected abstract ObjectStore createStore() throws Exception;

    /** The object's bytes as a reader would get them right now, or empty when there is no such object. */
    protected abstract Optional<byte[]> read(String key) throws IOException;

    /** Every key the bucket holds, including anything temporary a put may have left behind. */
    protected abstract Set<String> everything() throws IOException;

    /** Leaves behind what a put of {@code key} killed halfway (kill -9) leaves behind. */
    protected abstract void leaveAnInterruptedPut(String key) throws Exception;

    @BeforeEach
    void createTheStore() throws Exception {
        store = createStore();
    }

    protected static byte[] content(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    @Test
    void aPutObjectHoldsExactlyWhatWasWritten() throws Exception {
        byte[] data = content(300_000, 7);

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        StoredObject stored = store.put(KEY, out -> out.write(data));

        assertThat(stored.bucket()).isEqualTo(store.bucket());
        assertThat(stored.key()).isEqualTo(KEY);
        assertThat(stored.bytes()).isEqualTo(data.length);
        assertThat(stored.count()).isEmpty();
        assertThat(stored.lastModified()).isBetween(before.minusSeconds(2), Instant.now().plusSeconds(2));
        assertThat(store.find(KEY)).contains(stored);
        assertThat(read(KEY)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(data));
        assertThat(everything()).containsExactly(KEY);
    }

    @Test
    void anEmptyObjectIsStoredToo() throws Exception {
        StoredObject stored = store.put("empty.json", out -> { });

        assertThat(stored.bytes()).isZero();
        assertThat(read("empty.json")).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
    }

    @Test
    void aWriterMayCloseTheStreamItWasGiven() throws Exception {
        store.put(KEY, out -> {
            out.write("[]".getBytes(StandardCharsets.UTF_8));
            out.close();
        });

        assertThat(read(KEY)).hasValueSatisfying(bytes -> assertThat(bytes).asString().isEqualTo("[]"));
    }

    @Test
    void aPutReplacesTheEarlierObject() throws Exception {
        store.put(KEY, out -> out.write(content(5_000, 1)));
        byte[] second = content(1_000, 2);

        StoredObject stored = store.put(KEY, out -> out.write(second));

        assertThat(stored.bytes()).isEqualTo(second.length);
        assertThat(read(KEY)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(second));
        assertThat(everything()).containsExactly(KEY);
    }

    @Test
    void aWriterThatThrowsLeavesNoObjectAndNoTempFile() throws Exception {
        ContentWriter failing = out -> {
            out.write(content(200_000, 3));
            throw new IOException("student table unreadable");
        };

        assertThatThrownBy(() -> store.put(KEY, failing)).isInstanceOf(IOException.class)
                .hasMessage("student table unreadable");
        assertThatThrownBy(() -> store.put("other.json", out -> {
            out.write(1);
            throw new IllegalStateException("bug in the writer");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(read(KEY)).isEmpty();
        assertThat(everything()).isEmpty();
    }

    @Test
    void aFailedPutKeepsTheEarlierObject() throws Exception {
        byte[] first = content(4_000, 4);
        store.put(KEY, out -> out.write(first));

        assertThatThrownBy(() -> store.put(KEY, out -> {
            out.write(content(9_000, 5));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class);

        assertThat(read(KEY)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(first));
        assertThat(everything()).containsExactly(KEY);
    }

    /**
     * The writer pauses after every chunk until the reader has read the key twice since (so at least one whole
     * read began after the chunk was flushed); every read must find the old object or the complete new one.
     */
    @Test
    void aReaderDuringASlowPutSeesTheOldObjectOrTheWholeNewOneNeverAPart() throws Exception {
        byte[] old = content(10_000, 8);
        store.put(KEY, out -> out.write(old));
        int chunks = 24;
        byte[] chunk = content(16 * 1024, 9);
        byte[] whole = new byte[chunks * chunk.length];
        for (int i = 0; i < chunks; i++) {
            System.arraycopy(chunk, 0, whole, i * chunk.length, chunk.length);
        }

        Semaphore reads = new Semaphore(0);
        AtomicBoolean putReturned = new AtomicBoolean();
        AtomicLong readCount = new AtomicLong();
        ConcurrentLinkedQueue<String> partials = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> reader = pool.submit(() -> {
                while (!putReturned.get()) {
                    Optional<byte[]> seen;
                    try {
                        seen = read(KEY);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (seen.isEmpty()) {
                        partials.add("no object at all");
                    } else if (!Arrays.equals(seen.get(), old) && !Arrays.equals(seen.get(), whole)) {
                        partials.add(seen.get().length + " bytes");
                    }
                    readCount.incrementAndGet();
                    reads.release();
                }
            });

            store.put(KEY, out -> {
                for (int i = 0; i < chunks; i++) {
                    out.write(chunk);
                    out.flush();
                    reads.drainPermits();
                    try {
                        assertThat(reads.tryAcquire(2, 10, TimeUnit.SECONDS)).as("reader keeps reading").isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
            });
            putReturned.set(true);
            reader.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(partials).isEmpty();
        assertThat(readCount.get()).isGreaterThanOrEqualTo(2L * chunks);
        assertThat(read(KEY)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(whole));
    }

    private static byte[] readAll(Optional<InputStream> opened) throws IOException {
        assertThat(opened).isPresent();
        try (InputStream in = opened.get()) {
            return in.readAllBytes();
        }
    }

    @Nested
    class Counts {

        @Test
        void aCountIsKeptWithTheObject() throws Exception {
            StoredObject stored = store.put(KEY, out -> out.write(content(2_000, 1)), () -> OptionalLong.of(42));

            assertThat(stored.count()).hasValue(42);
            assertThat(store.find(KEY)).hasValueSatisfying(found -> assertThat(found.count()).hasValue(42));
        }

        @Test
        void theCountIsAskedOnlyOnceTheWriterIsDone() throws Exception {
            long[] written = new long[1];

            store.put(KEY, out -> {
                out.write(content(10, 1));
                written[0] = 10;
            }, () -> OptionalLong.of(written[0]));

            assertThat(store.find(KEY)).hasValueSatisfying(found -> assertThat(found.count()).hasValue(10));
        }

        @Test
        void aLaterPutWithoutACountLeavesNone() throws Exception {
            store.put(KEY, out -> out.write(content(100, 1)), () -> OptionalLong.of(7));

            store.put(KEY, out -> out.write(content(50, 2)));

            assertThat(store.find(KEY)).hasValueSatisfying(found -> assertThat(found.count()).isEmpty());
            assertThat(everything()).containsExactly(KEY);
        }

        @Test
        void aFailedPutKeepsTheEarlierCount() throws Exception {
            store.put(KEY, out -> out.write(content(100, 1)), () -> OptionalLong.of(7));

            assertThatThrownBy(() -> store.put(KEY, out -> {
                out.write(content(300, 2));
                throw new IOException("disk full");
            }, () -> OptionalLong.of(9))).isInstanceOf(IOException.class);

            assertThat(store.find(KEY)).hasValueSatisfying(found -> {
                assertThat(found.count()).hasValue(7);
                assertThat(found.bytes()).isEqualTo(100);
            });
        }
    }

    @Nested
    class Listing {

        @Test
        void listsTheObjectsUnderThePrefixAsFindDescribesThem() throws Exception {
            store.put("backups/backup-1.json", out -> out.write(content(10, 1)), () -> OptionalLong.of(1));
            store.put("backups/backup-2.json", out -> out.write(content(20, 2)), () -> OptionalLong.of(2));
            store.put("other/backup-3.json", out -> out.write(content(30, 3)));

            List<StoredObject> listed = store.list("backups/");

            assertThat(listed).extracting(StoredObject::key)
                    .containsExactlyInAnyOrder("backups/backup-1.json", "backups/backup-2.json");
            for (StoredObject object : listed) {
                StoredObject found = store.find(object.key()).orElseThrow();
                assertThat(object.withoutCount()).isEqualTo(found.withoutCount());
                assertThat(object.count().isEmpty() || object.count().equals(found.count()))
                        .as("a listed count is the object's count").isTrue();
            }
            assertThat(store.list("")).hasSize(3);
            assertThat(store.list("backups/backup-2")).extracting(StoredObject::key)
                    .containsExactly("backups/backup-2.json");
        }

        @Test
        void anEmptyBucketOrAnUnknownPrefixListsNothing() throws Exception {
            assertThat(store.list("backups/")).isEmpty();
            store.put("other/x.json", out -> out.write(1));

            assertThat(store.list("backups/")).isEmpty();
            assertThat(store.list("nothing/here/")).isEmpty();
        }

        @Test
        void anObjectBeingWrittenIsNotListedUntilThePutReturns() throws Exception {
            store.put(KEY, out -> {
                out.write(content(100_000, 1));
                out.flush();
                assertThat(store.list("backups/")).isEmpty();
                assertThat(store.find(KEY)).isEmpty();
            }, () -> OptionalLong.of(3));

            assertThat(store.list("backups/")).extracting(StoredObject::key).containsExactly(KEY);
        }

        @Test
        void aFailedPutIsNeverListed() throws Exception {
            assertThatThrownBy(() -> store.put(KEY, out -> {
                out.write(content(100, 1));
                throw new IOException("student table unreadable");
            }, () -> OptionalLong.of(1))).isInstanceOf(IOException.class);

            assertThat(store.list("")).isEmpty();
        }

        @Test
        void whatAnInterruptedPutLeftBehindIsNeverListedOrFound() throws Exception {
            store.put("backups/kept.json", out -> out.write(content(10, 1)), () -> OptionalLong.of(1));

            leaveAnInterruptedPut(KEY);

            assertThat(store.list("")).extracting(StoredObject::key).containsExactly("backups/kept.json");
            assertThat(store.list("backups/")).extracting(StoredObject::key).containsExactly("backups/kept.json");
            assertThat(store.find(KEY)).isEmpty();
            assertThat(store.open(KEY)).isEmpty();
        }
    }

    @Nested
    class Reading {

        @Test
        void openStreamsTheWholeObject() throws Exception {
            byte[] data = content(500_000, 5);
            store.put(KEY, out -> out.write(data));

            assertThat(readAll(store.open(KEY))).isEqualTo(data);
        }

        @Test
        void aMissingObjectIsEmptyEverywhere() throws Exception {
            assertThat(store.open(KEY)).isEmpty();
            assertThat(store.find(KEY)).isEmpty();
            assertThat(store.delete(KEY)).isFalse();
        }
    }

    @Nested
    class Deleting {

        @Test
        void deleteRemovesTheObjectAndItsCount() throws Exception {
            store.put(KEY, out -> out.write(content(100, 1)), () -> OptionalLong.of(5));
            store.put("backups/other.json", out -> out.write(content(10, 1)));

            assertThat(store.delete(KEY)).isTrue();

            assertThat(store.find(KEY)).isEmpty();
            assertThat(store.open(KEY)).isEmpty();
            assertThat(store.list("backups/")).extracting(StoredObject::key).containsExactly("backups/other.json");
            assertThat(everything()).containsExactly("backups/other.json");
            assertThat(store.delete(KEY)).isFalse();
        }

        @Test
        void anObjectPutAgainAfterDeleteHasOnlyItsNewCount() throws Exception {
            store.put(KEY, out -> out.write(content(100, 1)), () -> OptionalLong.of(5));
            store.delete(KEY);

            store.put(KEY, out -> out.write(content(100, 1)));

            assertThat(store.find(KEY)).hasValueSatisfying(found -> assertThat(found.count()).isEmpty());
        }
    }
}
