package dev.studentapi.aws;

import dev.studentapi.config.ConfigurationException;
import dev.studentapi.config.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and as whom every AWS client of a process connects: a region, an optional endpoint in place of the
 * region's own (moto, LocalStack, MinIO), and static keys or, without them, the SDK's default chain.
 * {@link #toString()} never shows a secret.
 */
public record AwsAccess(String region, Optional<URI> endpoint, Optional<Keys> keys) {

    /** The region used when the environment names none (Lambda always sets {@code AWS_REGION}). */
    public static final String DEFAULT_REGION = "us-east-1";

    /** Every variable {@link #from} reads. */
    public static final Set<String> VARIABLES = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONTAINER_CREDENTIALS_FULL_URI");

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern URL = Pattern.compile("https?://[^\\s?#]+");

    /** Static credentials; {@link #toString()} shows the key id only. */
    public record Keys(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
        public Keys {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(sessionToken, "sessionToken");
        }

        /** Keys without a session token. */
        public static Keys of(String accessKeyId, String secretAccessKey) {
            return new Keys(accessKeyId, secretAccessKey, Optional.empty());
        }

        AwsCredentials credentials() {
            return sessionToken.<AwsCredentials>map(token ->
                            AwsSessionCredentials.create(accessKeyId, secretAccessKey, token))
                    .orElseGet(() -> AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        }

        @Override
        public String toString() {
            return "Keys[" + accessKeyId + ", ***]";
        }
    }

    public AwsAccess {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(keys, "keys");
    }

    /**
     * The one rule: region from {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else us-east-1; endpoint
     * from {@code AWS_ENDPOINT_URL}; static keys from {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}
     * and {@code AWS_SESSION_TOKEN} when set, except in a container that serves credentials
     * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, as SnapStart does), whose chain refreshes them.
     *
     * @throws ConfigurationException naming the variable when a value is malformed or only one key half is set
     */
    public static AwsAccess from(Environment environment) {
        String regionVariable = environment.optional("AWS_REGION").isPresent() ? "AWS_REGION" : "AWS_DEFAULT_REGION";
        String region = environment.matching(regionVariable, DEFAULT_REGION, REGION,
                "an AWS region name such as us-east-1");
        Optional<URI> endpoint = environment.parsed("AWS_ENDPOINT_URL", value -> {
            if (!URL.matcher(value).matches()) {
                throw new IllegalArgumentException(value);
            }
            return URI.create(value);
        }, "an http(s) URL");
        return new AwsAccess(region, endpoint, keys(environment));
    }

    private static Optional<Keys> keys(Environment environment) {
        if (environment.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return Optional.empty();
        }
        Optional<String> id = environment.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secret = environment.optional("AWS_SECRET_ACCESS_KEY");
        if (id.isPresent() != secret.isPresent()) {
            throw new ConfigurationException("Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither");
        }
        return id.map(value -> new Keys(value, secret.orElseThrow(), environment.optional("AWS_SESSION_TOKEN")));
    }

    /** The credentials of a client: the static keys, else the default chain (environment, profile, role). */
    public AwsCredentialsProvider credentials() {
        return keys.<AwsCredentialsProvider>map(k -> StaticCredentialsProvider.create(k.credentials()))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /** Where the clients connect, for messages: the endpoint, else the region. */
    public String where() {
        return endpoint.map(URI::toString).orElse("region " + region);
    }
}
