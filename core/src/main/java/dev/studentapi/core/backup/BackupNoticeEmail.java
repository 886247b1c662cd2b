package dev.studentapi.core.backup;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.Html;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The e-mail to the backup recipient with the download link of a backup and when the link expires. */
public final class BackupNoticeEmail {

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Language language;
    private final String sender;

    public BackupNoticeEmail(Language language, String sender) {
        this.language = language;
        this.sender = sender;
    }

    /** The notice of the backup {@code key} of {@code count} students, downloadable at {@code link}. */
    public EmailMessage to(String recipient, String key, long count, URI link, Instant expiresAt) {
        String heading = Text.BACKUP_HEADING.in(language);
        String intro = Text.BACKUP_INTRO.in(language, count, key);
        String download = Text.BACKUP_DOWNLOAD.in(language);
        String expires = Text.BACKUP_EXPIRES.in(language, EXPIRY.format(expiresAt));
        String text = heading + "\n\n" + intro + "\n\n" + download + ": " + link + "\n\n" + expires + "\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                + "<h1>" + Html.escape(heading) + "</h1>"
                + "<p>" + Html.escape(intro) + "</p>"
                + "<p><a href=\"" + Html.escape(link.toString()) + "\" style=\"display:inline-block;padding:10px 16px;"
                + "background:#7c3aed;color:#ffffff;border-radius:6px;text-decoration:none\">"
                + Html.escape(download) + "</a></p>"
                + "<p>" + Html.escape(expires) + "</p></body></html>";
        return new EmailMessage(sender, recipient, Text.BACKUP_SUBJECT.in(language), text, html);
    }
}
