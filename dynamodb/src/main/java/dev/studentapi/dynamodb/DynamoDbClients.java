package dev.studentapi.dynamodb;

import dev.studentapi.aws.AwsAccess;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds DynamoDB clients on the JDK's URL connection, for AWS or for a compatible endpoint (DynamoDB Local,
 * moto). A client is thread-safe and should be shared, and closed by whoever built it.
 */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /** A client in the region, at the endpoint and with the credentials that {@code access} names. */
    public static DynamoDbClient create(AwsAccess access) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(access.region()))
                .credentialsProvider(access.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        access.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
