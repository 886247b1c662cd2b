package dev.studentapi.ses;

import dev.studentapi.aws.AwsAccess;
import dev.studentapi.core.mail.EmailMessage;
import dev.studentapi.core.mail.MailFailure;
import dev.studentapi.core.mail.Mailer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import java.util.List;
import java.util.Objects;

/**
 * Delivers e-mail through Amazon SES (API v2 SendEmail) as simple content: a UTF-8 subject with a text and an
 * HTML part; SES adds the Date and Message-ID. Safe for concurrent use. A failure throws {@link MailFailure}
 * with a short reason taken from SES's answer (never credentials); the sender must be a verified identity.
 */
public final class SesMailer implements Mailer {

    private static final String UTF_8 = "UTF-8";

    private final SesV2Client client;

    public SesMailer(SesV2Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** An SES client over {@code UrlConnectionHttpClient}, as {@code access} says; build one per process. */
    public static SesV2Client client(AwsAccess access) {
        var builder = SesV2Client.builder().region(Region.of(access.region()))
                .credentialsProvider(access.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder());
        access.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public void send(EmailMessage message) throws MailFailure {
        List<String> to = Addresses.split(message.to()).stream().map(Addresses::encoded).toList();
        if (to.isEmpty()) {
            throw new MailFailure("The e-mail has no recipient");
        }
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(Addresses.encoded(message.from().strip()))
                .destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m.subject(utf8(message.subject()))
                        .body(b -> b.text(utf8(message.text())).html(utf8(message.html())))))
                .build();
        try {
            client.sendEmail(request);
        } catch (MessageRejectedException e) {
            throw new MailFailure("Amazon SES refused the message: " + detail(e), e);
        } catch (MailFromDomainNotVerifiedException e) {
            throw new MailFailure("The sender's MAIL FROM domain is not verified in Amazon SES", e);
        } catch (AccountSuspendedException | SendingPausedException e) {
            throw new MailFailure("Sending is paused for this Amazon SES account: " + detail(e), e);
        } catch (TooManyRequestsException | LimitExceededException e) {
            throw new MailFailure("Amazon SES is throttling or over its sending quota; try again later", e);
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new MailFailure("Amazon SES error" + (code == null ? "" : " " + code) + ": " + detail(e), e);
        } catch (SdkClientException e) {
            throw new MailFailure("Couldn't reach Amazon SES: " + firstLine(e.getMessage()), e);
        }
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(UTF_8).build();
    }

    private static String detail(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return firstLine(message == null ? "HTTP " + e.statusCode() : message);
    }

    private static String firstLine(String text) {
        return text == null ? "unknown error" : text.lines().findFirst().orElse("").strip();
    }

    @Override
    public String toString() {
        return "SesMailer[" + client.serviceClientConfiguration().region() + "]";
    }
}
