package dev.studentapi.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Message files written to the outbox by their callers side by side, made durable together by one flush of the
 * {@link OutboxJournal journal} per batch. Each caller writes its own file, then the caller that finds no batch
 * being journaled leads: it takes every message waiting (its own among them), journals them and releases each
 * caller; the others wait meanwhile. A journal that cannot be written fails every caller of the batch and
 * removes the batch's files. Safe for concurrent use.
 */
final class OutboxBatches {

    /** Messages written in one batch at most; more wait for the next one. */
    static final int MAX_BATCH = 512;

    private final Path outboxDir;
    private final long journalLimit;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leading = new ReentrantLock();
    private OutboxJournal journal; // opened by the first leader; guarded by leading

    OutboxBatches(Path outboxDir, long journalLimit) {
        this.outboxDir = outboxDir;
        this.journalLimit = journalLimit;
    }

    /** Writes {@code content} as {@code outboxDir/name}, returning once it is durable. */
    void write(String name, byte[] content) throws IOException {
        Files.createDirectories(outboxDir);
        OutboxFiles.write(outboxDir, name, content);
        Pending mine = new Pending(new OutboxJournal.Entry(name, content), Thread.currentThread());
        waiting.add(mine);
        while (!mine.done) {
            if (leading.tryLock()) {
                try {
                    while (!mine.done) {
                        writeBatch();
                    }
                } finally {
                    leading.unlock();
                }
                Pending next = waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller); // the next leader: it may be waiting while no one leads
                }
            } else {
                LockSupport.park(this);
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Checkpoints and closes the journal, if one was opened; later writes open a new one. */
    void close() throws IOException {
        leading.lock();
        try {
            if (journal != null) {
                OutboxJournal open = journal;
                journal = null;
                open.close();
            }
        } finally {
            leading.unlock();
        }
    }

    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        try {
            if (journal == null) {
                journal = OutboxJournal.open(outboxDir, journalLimit);
            }
            journal.append(batch.stream().map(pending -> pending.entry).toList());
            batch.forEach(Pending::complete);
        } catch (IOException | RuntimeException | Error e) {
            for (Pending pending : batch) {
                deleteQuietly(outboxDir.resolve(pending.entry.name()), e);
            }
            IOException failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            batch.forEach(pending -> pending.fail(failure));
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private static void deleteQuietly(Path file, Throwable cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }

    /** One caller's message and, once its batch is over, its outcome. */
    private static final class Pending {
        final OutboxJournal.Entry entry;
        final Thread caller;
        IOException failure;
        volatile boolean done;

        Pending(OutboxJournal.Entry entry, Thread caller) {
            this.entry = entry;
            this.caller = caller;
        }

        void complete() {
            done = true;
            LockSupport.unpark(caller);
        }

        void fail(IOException cause) {
            if (!done) {
                failure = cause;
                done = true;
                LockSupport.unpark(caller);
            }
        }
    }
}
