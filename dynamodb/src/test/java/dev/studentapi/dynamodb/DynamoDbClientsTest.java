package dev.studentapi.dynamodb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbClientsTest {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    @Test
    void takesTheRegionAndEndpointFromTheEnvironment() {
        try (DynamoDbClient client = DynamoDbClients.fromEnvironment(Map.of(
                "AWS_REGION", "ap-southeast-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566"))) {
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("ap-southeast-1");
            assertThat(client.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:4566"));
        }
    }

    @Test
    void defaultsToUsEast1AndTheAwsEndpoint() {
        try (DynamoDbClient client = DynamoDbClients.fromEnvironment(Map.of())) {
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
            assertThat(client.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }

    @Test
    void createsTablesThroughABuiltClient() {
        try (DynamoDbClient client = DynamoDbClients.create("us-east-1", Optional.of(MOTO.endpoint()),
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))) {
            DynamoDbTables tables = new DynamoDbTables(client, "env_").createIfAbsent();
            tables.createIfAbsent();

            assertThat(client.listTables().tableNames()).contains("env_studentData",
                    "env_StudentApiKeys", "env_StudentUsagePlans", "env_StudentUsage");
            assertThat(client.describeTable(r -> r.tableName("env_studentData")).table().keySchema())
                    .singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("studentid"));
        }
    }
}
