package dev.studentapi.mail;

import dev.studentapi.core.batch.GroupCommit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    private final GroupCommit<Pending> batches = new GroupCommit<>(MAX_BATCH, this::writeBatch);
    private OutboxJournal journal; // opened by the first leader; used only while a batch is written or closed

    OutboxBatches(Path outboxDir, long journalLimit) {
        this.outboxDir = outboxDir;
        this.journalLimit = journalLimit;
    }

    /** Writes {@code content} as {@code outboxDir/name}, returning once it is durable. */
    void write(String name, byte[] content) throws IOException {
        Files.createDirectories(outboxDir);
        OutboxFiles.write(outboxDir, name, content);
        Pending mine = new Pending(new OutboxJournal.Entry(name, content));
        batches.submit(mine);
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Checkpoints and closes the journal, if one was opened; later writes open a new one. */
    void close() throws IOException {
        IOException[] failure = new IOException[1];
        batches.exclusively(() -> {
            if (journal != null) {
                OutboxJournal open = journal;
                journal = null;
                try {
                    open.close();
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** Journals a batch; when that fails, removes the batch's files and fails every caller. */
    private void writeBatch(List<Pending> batch) {
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
    private static final class Pending extends GroupCommit.Entry {
        final OutboxJournal.Entry entry;
        IOException failure;

        Pending(OutboxJournal.Entry entry) {
            this.entry = entry;
        }

        void complete() {
            finish();
        }

        void fail(IOException cause) {
            if (!finished()) {
                failure = cause;
                finish();
            }
        }

        @Override
        protected void failed(Throwable cause) {
            failure = cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        }
    }
}
