package dev.studentapi.lambda;

import dev.studentapi.core.text.Language;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a function container, read from its environment variables: {@code TABLE_NAME},
 * {@code S3_BUCKET_NAME}, {@code SENDER_EMAIL}, {@code RECIPIENT_EMAIL} (all required), {@code LOCALE}
 * ({@code en} or {@code vi}), {@code CORS_ALLOWED_ORIGINS} (default {@code *}), {@code AWS_REGION} and,
 * for a local endpoint such as moto, {@code AWS_ENDPOINT_URL}.
 */
public record LambdaSettings(String region, Optional<URI> endpoint, String tableName, String bucketName,
                             String senderEmail, String recipientEmail, Language language,
                             List<String> allowedOrigins) {

    /** The region used when the environment names none (Lambda always sets {@code AWS_REGION}). */
    public static final String DEFAULT_REGION = "us-east-1";

    public LambdaSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(senderEmail, "senderEmail");
        Objects.requireNonNull(recipientEmail, "recipientEmail");
        Objects.requireNonNull(language, "language");
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * Reads the settings from {@code environment}.
     *
     * @throws IllegalStateException naming the variable when a required one is missing or a value is malformed
     */
    public static LambdaSettings from(Map<String, String> environment) {
        String region = optional(environment, "AWS_REGION")
                .or(() -> optional(environment, "AWS_DEFAULT_REGION")).orElse(DEFAULT_REGION);
        Optional<URI> endpoint = optional(environment, "AWS_ENDPOINT_URL").map(value -> parse("AWS_ENDPOINT_URL",
                value));
        String locale = optional(environment, "LOCALE").orElse("en");
        Language language = Language.fromCode(locale).orElseThrow(() ->
                new IllegalStateException("LOCALE must be en or vi, not '" + locale + "'"));
        List<String> origins = Arrays.stream(optional(environment, "CORS_ALLOWED_ORIGINS").orElse("*").split(","))
                .map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        return new LambdaSettings(region, endpoint, required(environment, "TABLE_NAME"),
                required(environment, "S3_BUCKET_NAME"), required(environment, "SENDER_EMAIL"),
                required(environment, "RECIPIENT_EMAIL"), language, origins.isEmpty() ? List.of("*") : origins);
    }

    private static URI parse(String name, String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not a URL: " + value, e);
        }
    }

    private static String required(Map<String, String> environment, String name) {
        return optional(environment, name).orElseThrow(() ->
                new IllegalStateException("The environment variable " + name + " must be set"));
    }

    private static Optional<String> optional(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
