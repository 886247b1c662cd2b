package dev.studentapi.lambda;

import dev.studentapi.aws.AwsAccess;
import dev.studentapi.config.ConfigurationException;
import dev.studentapi.config.Environment;
import dev.studentapi.core.text.Language;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a function container, read from its environment variables: {@code TABLE_NAME},
 * {@code S3_BUCKET_NAME}, {@code SENDER_EMAIL}, {@code RECIPIENT_EMAIL} (all required), {@code LOCALE}
 * ({@code en} or {@code vi}), {@code CORS_ALLOWED_ORIGINS} (default {@code *}), {@code PAGE_CURSOR_SECRET} (at
 * least 16 characters, shared by every function of a deployment so that any container continues a page another
 * one began; without it cursors hold only within one container) and the AWS region, endpoint and credentials
 * ({@link AwsAccess#from}).
 */
public record LambdaSettings(AwsAccess aws, String tableName, String bucketName, String senderEmail,
                             String recipientEmail, Language language, List<String> allowedOrigins,
                             Optional<String> cursorSecret) {

    /** Settings without a shared cursor secret. */
    public LambdaSettings(AwsAccess aws, String tableName, String bucketName, String senderEmail,
                          String recipientEmail, Language language, List<String> allowedOrigins) {
        this(aws, tableName, bucketName, senderEmail, recipientEmail, language, allowedOrigins, Optional.empty());
    }

    public LambdaSettings {
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(senderEmail, "senderEmail");
        Objects.requireNonNull(recipientEmail, "recipientEmail");
        Objects.requireNonNull(language, "language");
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(cursorSecret, "cursorSecret");
    }

    /**
     * Reads the settings from {@code environment}.
     *
     * @throws ConfigurationException naming the variable when a required one is missing or a value is malformed
     */
    public static LambdaSettings from(Map<String, String> environment) {
        Environment variables = Environment.of(environment);
        Language language = variables.parsed("LOCALE", code -> Language.fromCode(code).orElseThrow(), "en or vi")
                .orElse(Language.EN);
        List<String> origins = Arrays.stream(variables.text("CORS_ALLOWED_ORIGINS", "*").split(","))
                .map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        Optional<String> cursorSecret = variables.optional("PAGE_CURSOR_SECRET");
        if (cursorSecret.isPresent() && cursorSecret.get().length() < 16) {
            throw new ConfigurationException("PAGE_CURSOR_SECRET must have at least 16 characters");
        }
        return new LambdaSettings(AwsAccess.from(variables), variables.required("TABLE_NAME"),
                variables.required("S3_BUCKET_NAME"), variables.required("SENDER_EMAIL"),
                variables.required("RECIPIENT_EMAIL"), language, origins.isEmpty() ? List.of("*") : origins,
                cursorSecret);
    }
}
