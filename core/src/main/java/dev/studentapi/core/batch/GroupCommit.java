package dev.studentapi.core.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Work that callers hand in one at a time and that is written in batches (group commit): each caller queues its
 * entry, and the caller that finds no batch being written leads: it takes every entry waiting (at most
 * {@code maxBatch}, its own among them), hands them to the writer, and goes on until its own is done; the others
 * wait meanwhile. A caller returns only once its entry is {@linkplain Entry#finish() finished}; when the writer
 * throws, the entries it left unfinished fail with what it threw. Safe for concurrent use.
 *
 * @param <E> what a caller hands in, with room for its outcome
 */
public final class GroupCommit<E extends GroupCommit.Entry> {

    /** One caller's entry; the writer finishes every entry of a batch it was given, whatever happens. */
    public abstract static class Entry {
        final Thread caller = Thread.currentThread();
        volatile boolean done;

        /** Marks the entry done (its outcome set before) and wakes its caller; later calls change nothing. */
        protected final void finish() {
            done = true;
            LockSupport.unpark(caller);
        }

        /** Whether the entry was finished. */
        protected final boolean finished() {
            return done;
        }

        /** Sets the outcome of an entry whose batch failed with {@code cause} (it is finished after). */
        protected abstract void failed(Throwable cause);
    }

    private final int maxBatch;
    private final Consumer<List<E>> writer;
    private final ConcurrentLinkedQueue<E> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leading = new ReentrantLock();

    /** Batches of at most {@code maxBatch}, each given to {@code writer}, which must finish every entry. */
    public GroupCommit(int maxBatch, Consumer<List<E>> writer) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** Queues {@code mine} (made by this thread) and returns once a batch holding it was written. */
    public void submit(E mine) {
        if (mine.caller != Thread.currentThread()) {
            throw new IllegalArgumentException("an entry is submitted by the thread that made it");
        }
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
                E next = waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller); // the next leader: it may be waiting while no one leads
                }
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** Runs {@code action} while no batch is being written (for closing what the writer writes to). */
    public void exclusively(Runnable action) {
        leading.lock();
        try {
            action.run();
        } finally {
            leading.unlock();
        }
    }

    /** How many entries wait to be taken into a batch. */
    public int waiting() {
        return waiting.size();
    }

    /** Whether a caller is leading a batch now. */
    public boolean leading() {
        return leading.isLocked();
    }

    private void writeBatch() {
        List<E> batch = new ArrayList<>();
        for (E next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.accept(batch);
        } catch (RuntimeException | Error e) {
            for (E entry : batch) {
                if (!entry.done) {
                    entry.failed(e);
                    entry.finish();
                }
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }
}
