package dev.studentapi.core.mail;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes the two e-mails of the system: the insert confirmation and the backup notice. */
public final class EmailTemplates {

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Language language;
    private final String sender;

    public EmailTemplates(Language language, String sender) {
        this.language = language;
        this.sender = sender;
    }

    /** The mail to a newly saved student, greeting them by name and listing their record. */
    public EmailMessage confirmation(Student student) {
        String[][] rows = {
                {Text.LABEL_ID.in(language), student.studentId()},
                {Text.LABEL_NAME.in(language), student.name()},
                {Text.LABEL_CLASS.in(language), student.className()},
                {Text.LABEL_BIRTHDATE.in(language), student.birthdate()},
        };
        String greeting = Text.CONFIRM_GREETING.in(language, student.name());
        String intro = Text.CONFIRM_INTRO.in(language);
        StringBuilder text = new StringBuilder(greeting).append("\n\n").append(intro).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<p>").append(Html.escape(greeting)).append("</p><p>").append(Html.escape(intro))
                .append("</p><table cellpadding=\"4\">");
        for (String[] row : rows) {
            text.append(row[0]).append(": ").append(row[1]).append('\n');
            html.append("<tr><th align=\"left\">").append(Html.escape(row[0])).append("</th><td>")
                    .append(Html.escape(row[1])).append("</td></tr>");
        }
        html.append("</table></body></html>");
        return new EmailMessage(sender, student.email(), Text.CONFIRM_SUBJECT.in(language), text.toString(),
                html.toString());
    }

    /** The mail to the backup recipient with the download link and when it expires. */
    public EmailMessage backupNotice(String recipient, String key, long count, URI link, Instant expiresAt) {
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
