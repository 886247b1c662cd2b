package dev.studentapi.mail;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.core.mail.Mailer;
import dev.studentapi.testkit.Race;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxMailerTest extends MimeMailerContract {

    @TempDir
    Path temp;

    Path outbox() {
        return temp.resolve("data").resolve("outbox");
    }

    @Override
    protected Mailer mailer(Clock clock) {
        return new OutboxMailer(outbox(), clock);
    }

    @Override
    protected List<MimeMessage> awaitMessages(int count) throws Exception {
        List<Path> files = files();
        assertThat(files).hasSize(count);
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> messages = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                messages.add(new MimeMessage(session, in));
            }
        }
        return messages;
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> listing = Files.list(outbox())) {
            return listing.sorted().toList();
        }
    }

    @Test
    void createsTheFolderAndNamesFilesByTimeSoTheySortInOrder() throws Exception {
        Mailer mailer = mailer(clock);
        mailer.send(message("first"));
        clock.advance(Duration.ofMillis(1));
        mailer.send(message("second"));
        clock.advance(Duration.ofSeconds(1));
        mailer.send(message("third"));

        List<Path> files = files();
        assertThat(files).extracting(file -> file.getFileName().toString())
                .allMatch(name -> name.matches("20261127-2105\\d\\d-\\d{3}-[0-9a-f]{16}\\.eml"))
                .satisfies(names -> assertThat(names.get(0)).startsWith("20261127-210501-123-"))
                .satisfies(names -> assertThat(names.get(1)).startsWith("20261127-210501-124-"))
                .satisfies(names -> assertThat(names.get(2)).startsWith("20261127-210502-124-"));
        assertThat(awaitMessages(3)).extracting(MimeMessage::getSubject).containsExactly("first", "second", "third");
    }

    @Test
    void writesStandardCrLfMessageFilesAndLeavesNoTempFiles() throws Exception {
        mailer(clock).send(vietnamese());

        List<Path> files = files();
        assertThat(files).singleElement().satisfies(file -> {
            String raw = Files.readString(file);
            assertThat(raw).contains("\r\nMessage-ID: <", "\r\nMIME-Version: 1.0\r\n", "charset=UTF-8")
                    .doesNotContain("Nguyễn"); // non-ASCII is MIME-encoded, the file is plain 7-bit
        });
    }

    @Test
    void failsWithAReadableReasonWhenTheFolderCannotBeMade() throws Exception {
        Files.createDirectories(outbox().getParent());
        Files.writeString(outbox(), "a file where the folder should be");

        assertThatThrownBy(() -> mailer(clock).send(message("blocked")))
                .isInstanceOf(MailFailure.class)
                .hasMessage("Couldn't write the e-mail to the outbox folder " + outbox()
                        + ": a file is in the way of the folder");
    }

    @Test
    void failsOnAMalformedAddressWithoutWritingAnything() {
        EmailMessage bad = new EmailMessage("noreply@school.test", "not an address", "s", "t", "h");

        assertThatThrownBy(() -> mailer(clock).send(bad))
                .isInstanceOf(MailFailure.class)
                .hasMessageStartingWith("The e-mail could not be composed: ");
        assertThat(outbox()).doesNotExist();
    }

    @Test
    void writesEveryOneOfManyConcurrentSendsBeforeItReturns() throws Exception {
        Mailer mailer = mailer(clock);
        int senders = 48;

        List<Integer> present = Race.run(senders, thread -> {
            mailer.send(message("concurrent " + thread));
            return files().size();
        });

        assertThat(present).allMatch(count -> count >= 1);
        assertThat(awaitMessages(senders)).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, senders).mapToObj(i -> "concurrent " + i)
                        .toList());
    }

    @Test
    void aJournalPastItsLimitIsEmptiedBeforeTheNextBatch() throws Exception {
        OutboxMailer mailer = new OutboxMailer(outbox(), clock, 1);
        for (int i = 0; i < 20; i++) {
            mailer.send(message("checkpointed " + i));
        }

        long messageBytes = 0;
        for (Path file : files()) {
            messageBytes += Files.size(file);
        }
        assertThat(journalBytes()).isPositive().isLessThan(messageBytes / 10);
        mailer.close();
        assertThat(journalBytes()).isZero();
        assertThat(awaitMessages(20)).hasSize(20);
    }

    @Test
    void aClosedMailerLeavesNothingForTheNextOneToReplay() throws Exception {
        OutboxMailer first = new OutboxMailer(outbox(), clock);
        first.send(message("before closing"));
        first.close();
        for (Path file : files()) {
            Files.delete(file);
        }

        mailer(clock).send(message("after closing"));

        assertThat(awaitMessages(1)).extracting(MimeMessage::getSubject).containsExactly("after closing");
    }

    private long journalBytes() throws Exception {
        try (Stream<Path> journals = Files.list(OutboxJournal.folderOf(outbox()))) {
            long total = 0;
            for (Path journal : journals.toList()) {
                total += Files.size(journal);
            }
            return total;
        }
    }
}
