package dev.studentapi.core.student;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.Html;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

/** The e-mail to a newly saved student, greeting them by name and listing their record. */
public final class ConfirmationEmail {

    private final Language language;
    private final String sender;

    public ConfirmationEmail(Language language, String sender) {
        this.language = language;
        this.sender = sender;
    }

    /** The confirmation of {@code student}, addressed to the student's e-mail. */
    public EmailMessage to(Student student) {
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
}
