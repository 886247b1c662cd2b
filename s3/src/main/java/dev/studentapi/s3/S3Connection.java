package dev.studentapi.s3;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An S3 client and a presigner for one region, optionally pointed at an S3-compatible endpoint (MinIO, moto,
 * LocalStack) with path-style addressing. Both are safe for concurrent use; close the connection once at
 * shutdown. Building it makes no network call, so a wrong endpoint shows only on the first request.
 */
public record S3Connection(S3Client client, S3Presigner presigner) implements AutoCloseable {

    /** The environment variable that points every AWS client at another endpoint. */
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

    public S3Connection {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(presigner, "presigner");
    }

    /** A connection with the default credential chain, honouring {@code AWS_ENDPOINT_URL} when it is set. */
    public static S3Connection fromEnvironment(String region) {
        return open(region, endpointOverride(System.getenv()), DefaultCredentialsProvider.builder().build());
    }

    /**
     * @param endpoint an S3-compatible endpoint such as {@code http://127.0.0.1:9000}; when present, buckets
     *                 are addressed by path ({@code <endpoint>/<bucket>/<key>}) instead of by host name
     */
    public static S3Connection open(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        Region awsRegion = Region.of(Objects.requireNonNull(region, "region"));
        S3Configuration addressing = S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build();
        var clientBuilder = S3Client.builder().region(awsRegion).credentialsProvider(credentials)
                .serviceConfiguration(addressing).httpClientBuilder(UrlConnectionHttpClient.builder());
        var presignerBuilder = S3Presigner.builder().region(awsRegion).credentialsProvider(credentials)
                .serviceConfiguration(addressing);
        endpoint.ifPresent(uri -> {
            clientBuilder.endpointOverride(uri);
            presignerBuilder.endpointOverride(uri);
        });
        return new S3Connection(clientBuilder.build(), presignerBuilder.build());
    }

    /** The endpoint named by {@code AWS_ENDPOINT_URL} in {@code environment}, if it is set and not blank. */
    public static Optional<URI> endpointOverride(Map<String, String> environment) {
        String value = environment.get(ENDPOINT_VARIABLE);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.strip()));
    }

    @Override
    public void close() {
        try {
            presigner.close();
        } finally {
            client.close();
        }
    }
}
