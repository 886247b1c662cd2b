package dev.studentapi.mail;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.core.mail.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Delivers e-mail as RFC 5322 {@code .eml} files in an outbox folder, named {@code yyyyMMdd-HHmmss-SSS-<random>.eml}
 * (UTC) so that they sort by time and never collide. Safe for concurrent use: each file is written in full
 * to a hidden temp file and then moved into place atomically, so a reader never sees half a message; an I/O
 * error throws {@link MailFailure} and leaves no file behind.
 */
public final class OutboxMailer implements Mailer {

    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path outboxDir;
    private final Clock clock;
    private final MimeComposer composer;
    private final Session session = Session.getInstance(new Properties());

    public OutboxMailer(Path outboxDir, Clock clock) {
        this.outboxDir = outboxDir;
        this.clock = clock;
        this.composer = new MimeComposer(clock);
    }

    @Override
    public void send(EmailMessage message) throws MailFailure {
        MimeMessage mime;
        try {
            mime = composer.compose(session, message);
        } catch (MessagingException e) {
            throw new MailFailure("The e-mail could not be composed: " + e.getMessage(), e);
        }
        try {
            write(mime);
        } catch (IOException | MessagingException e) {
            throw new MailFailure("Couldn't write the e-mail to the outbox folder " + outboxDir + ": "
                    + reason(e), e);
        }
    }

    private void write(MimeMessage mime) throws IOException, MessagingException {
        Files.createDirectories(outboxDir);
        Path target = outboxDir.resolve(fileName());
        Path temp = Files.createTempFile(outboxDir, ".outbox-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                mime.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    private String fileName() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return NAME_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(random) + ".eml";
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
