package dev.studentapi.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Builds DynamoDB clients on the JDK's URL connection, for AWS or for a compatible endpoint (DynamoDB Local,
 * moto). A client is thread-safe and should be shared, and closed by whoever built it.
 */
public final class DynamoDbClients {

    /** The region used when the environment names none. */
    public static final String DEFAULT_REGION = "us-east-1";

    private DynamoDbClients() {
    }

    /** A client with the default credentials chain (environment, profile, container or instance role). */
    public static DynamoDbClient create(String region, Optional<URI> endpointOverride) {
        return create(region, endpointOverride, DefaultCredentialsProvider.builder().build());
    }

    /** A client with the given credentials, e.g. static dummy credentials for a local endpoint. */
    public static DynamoDbClient create(String region, Optional<URI> endpointOverride,
                                        AwsCredentialsProvider credentials) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * A client configured by {@code AWS_REGION} (else {@code AWS_DEFAULT_REGION}, else us-east-1) and
     * {@code AWS_ENDPOINT_URL_DYNAMODB} (else {@code AWS_ENDPOINT_URL}) when set.
     */
    public static DynamoDbClient fromEnvironment(Map<String, String> environment) {
        String region = firstSet(environment, "AWS_REGION", "AWS_DEFAULT_REGION").orElse(DEFAULT_REGION);
        Optional<URI> endpoint = firstSet(environment, "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL").map(URI::create);
        return create(region, endpoint);
    }

    private static Optional<String> firstSet(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}
