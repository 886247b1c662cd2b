package dev.studentapi.mail;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a child JVM by {@link OutboxCrashTest}: sends e-mails to the outbox {@code args[0]} from {@code args[1]}
 * threads at once, printing {@code sent <subject>} after each send returns, until it is killed.
 */
final class SendFromAnotherProcess {
    private SendFromAnotherProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        OutboxMailer mailer = new OutboxMailer(Path.of(args[0]), Clock.systemUTC());
        AtomicInteger next = new AtomicInteger();
        int threads = Integer.parseInt(args[1]);
        for (int t = 0; t < threads; t++) {
            Thread sender = new Thread(() -> {
                while (true) {
                    String subject = "message " + next.incrementAndGet();
                    try {
                        mailer.send(new EmailMessage("noreply@school.test", "registrar@school.test", subject,
                                "Plain body of " + subject, "<p>HTML body of " + subject + "</p>"));
                    } catch (MailFailure e) {
                        System.out.println("failed " + subject + ": " + e.getMessage());
                        continue;
                    }
                    synchronized (System.out) {
                        System.out.println("sent " + subject);
                        System.out.flush();
                    }
                }
            });
            sender.start();
        }
        Thread.currentThread().join();
    }
}
