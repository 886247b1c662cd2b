package dev.studentapi.s3;

import dev.studentapi.aws.AwsAccess;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.util.Objects;

/**
 * An S3 client and a presigner for one region, optionally pointed at an S3-compatible endpoint (MinIO, moto,
 * LocalStack) with path-style addressing. Both are safe for concurrent use; close the connection once at
 * shutdown. Building it makes no network call, so a wrong endpoint shows only on the first request.
 */
public record S3Connection(S3Client client, S3Presigner presigner) implements AutoCloseable {

    public S3Connection {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(presigner, "presigner");
    }

    /**
     * A connection as {@code access} says; with an endpoint such as {@code http://127.0.0.1:9000}, buckets are
     * addressed by path ({@code <endpoint>/<bucket>/<key>}) instead of by host name.
     */
    public static S3Connection open(AwsAccess access) {
        Region region = Region.of(access.region());
        AwsCredentialsProvider credentials = access.credentials();
        S3Configuration addressing = S3Configuration.builder().pathStyleAccessEnabled(access.endpoint().isPresent())
                .build();
        var clientBuilder = S3Client.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(addressing).httpClientBuilder(UrlConnectionHttpClient.builder());
        var presignerBuilder = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(addressing);
        access.endpoint().ifPresent(uri -> {
            clientBuilder.endpointOverride(uri);
            presignerBuilder.endpointOverride(uri);
        });
        return new S3Connection(clientBuilder.build(), presignerBuilder.build());
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
