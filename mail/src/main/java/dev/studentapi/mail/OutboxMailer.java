package dev.studentapi.mail;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.core.mail.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers e-mail as RFC 5322 {@code .eml} files in an outbox folder, named {@code yyyyMMdd-HHmmss-SSS-<random>.eml}
 * (UTC) so that they sort by time and never collide. Safe for concurrent use: each file is written in full
 * to a hidden temp file and then moved into place atomically, so a reader never sees half a message; messages
 * sent at the same time are written as one batch, made durable by one flush of the outbox's journal (see
 * {@code OutboxJournal}) before {@link #send} returns. An I/O error throws {@link MailFailure} and leaves no
 * file behind. {@link #close} empties the journal; a journal left by a crash is replayed by the next mailer.
 */
public final class OutboxMailer implements Mailer, AutoCloseable {


    private final Path outboxDir;
    private final Clock clock;
    private final MimeComposer composer;
    private final OutboxBatches batches;
    private final Session session = Session.getInstance(new Properties());

    public OutboxMailer(Path outboxDir, Clock clock) {
        this(outboxDir, clock, OutboxJournal.DEFAULT_LIMIT);
    }

    /** A mailer whose journal checkpoints once it holds {@code journalLimit} bytes. */
    OutboxMailer(Path outboxDir, Clock clock, long journalLimit) {
        this.outboxDir = outboxDir;
        this.clock = clock;
        this.composer = new MimeComposer(clock);
        this.batches = new OutboxBatches(outboxDir, journalLimit);
    }

    @Override
    public void send(EmailMessage message) throws MailFailure {
        byte[] content;
        try {
            MimeMessage mime = composer.compose(session, message);
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            mime.writeTo(out);
            content = out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new MailFailure("The e-mail could not be composed: " + e.getMessage(), e);
        }
        try {
            batches.write(fileName(), content);
        } catch (IOException e) {
            throw new MailFailure("Couldn't write the e-mail to the outbox folder " + outboxDir + ": "
                    + reason(e), e);
        }
    }

    /** Makes every message written durable in the folder itself and empties the journal. */
    @Override
    public void close() throws IOException {
        batches.close();
    }

    /**
     * {@code yyyyMMdd-HHmmss-SSS-<16 hex digits>.eml} in UTC, built by hand: a formatter with a zone and a shared
     * SecureRandom (which takes a lock) were a tenth of writing a message. The random part only keeps names of
     * one millisecond apart; it guards nothing.
     */
    private String fileName() {
        Instant now = clock.instant();
        LocalDateTime time = LocalDateTime.ofEpochSecond(now.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder name = new StringBuilder(40);
        digits(name, time.getYear(), 4);
        digits(name, time.getMonthValue(), 2);
        digits(name, time.getDayOfMonth(), 2);
        name.append('-');
        digits(name, time.getHour(), 2);
        digits(name, time.getMinute(), 2);
        digits(name, time.getSecond(), 2);
        name.append('-');
        digits(name, now.getNano() / 1_000_000, 3);
        name.append('-').append(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        return name.append(".eml").toString();
    }

    private static void digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is in the way of the folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
