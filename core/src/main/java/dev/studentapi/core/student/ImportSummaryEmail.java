package dev.studentapi.core.student;

import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.Html;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

/** The one e-mail to the backup recipient after an import is stored, with its counts. */
public final class ImportSummaryEmail {

    private final Language language;
    private final String sender;

    public ImportSummaryEmail(Language language, String sender) {
        this.language = language;
        this.sender = sender;
    }

    /** The summary of an import that stored {@code counts}, addressed to {@code recipient}. */
    public EmailMessage to(String recipient, BulkCounts counts) {
        String heading = Text.IMPORT_HEADING.in(language);
        String intro = Text.IMPORT_INTRO.in(language, counts.total());
        Object[][] rows = {
                {Text.IMPORT_INSERTED.in(language), counts.inserted()},
                {Text.IMPORT_REPLACED.in(language), counts.replaced()},
                {Text.IMPORT_SKIPPED.in(language), counts.skipped()},
        };
        StringBuilder text = new StringBuilder(heading).append("\n\n").append(intro).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<h1>").append(Html.escape(heading)).append("</h1><p>").append(Html.escape(intro))
                .append("</p><table cellpadding=\"4\">");
        for (Object[] row : rows) {
            text.append(row[0]).append(": ").append(row[1]).append('\n');
            html.append("<tr><th align=\"left\">").append(Html.escape(row[0].toString())).append("</th><td>")
                    .append(row[1]).append("</td></tr>");
        }
        html.append("</table></body></html>");
        return new EmailMessage(sender, recipient, Text.IMPORT_SUBJECT.in(language), text.toString(),
                html.toString());
    }
}
