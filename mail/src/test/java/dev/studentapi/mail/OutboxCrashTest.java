package dev.studentapi.mail;

import dev.studentapi.core.mail.EmailMessage;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mailer killed while it sends in batches: every message whose send had returned is in the outbox afterwards,
 * even when the files themselves did not reach the disk (as after a power loss), since the journal holds them.
 */
class OutboxCrashTest {

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedMessageSurvivesAKillAndTheLossOfItsFile() throws Exception {
        Path outbox = temp.resolve("outbox");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), SendFromAnotherProcess.class.getName(),
                outbox.toString(), "16").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; acknowledged.size() < 300 && (line = out.readLine()) != null; ) {
                assertThat(line).startsWith("sent ");
                acknowledged.add(line.substring("sent ".length()));
            }
            child.destroyForcibly().waitFor();
        }
        assertThat(acknowledged).hasSize(300);

        List<Path> files = emlFiles(outbox);
        assertThat(files.size()).isGreaterThanOrEqualTo(300);
        for (int i = 0; i < files.size(); i++) { // as a power loss may leave them: gone, or cut short
            if (i % 2 == 0) {
                Files.delete(files.get(i));
            } else {
                Files.write(files.get(i), new byte[0]);
            }
        }

        OutboxMailer next = new OutboxMailer(outbox, Clock.systemUTC());
        next.send(new EmailMessage("noreply@school.test", "registrar@school.test", "after the crash", "text",
                "<p>html</p>"));
        next.close();

        Set<String> subjects = new HashSet<>();
        Session session = Session.getInstance(new Properties());
        for (Path file : emlFiles(outbox)) {
            try (InputStream in = Files.newInputStream(file)) {
                subjects.add(new MimeMessage(session, in).getSubject());
            }
        }
        assertThat(subjects).containsAll(acknowledged).contains("after the crash");
    }

    private static List<Path> emlFiles(Path outbox) throws Exception {
        try (Stream<Path> listing = Files.list(outbox)) {
            return listing.filter(file -> file.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
    }
}
