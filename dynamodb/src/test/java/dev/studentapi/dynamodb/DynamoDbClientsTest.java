package dev.studentapi.dynamodb;

import dev.studentapi.aws.AwsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbClientsTest {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    private static final Optional<AwsAccess.Keys> TEST_KEYS = Optional.of(AwsAccess.Keys.of("test", "test"));

    @Test
    void takesTheRegionAndEndpointItIsGiven() {
        try (DynamoDbClient client = DynamoDbClients.create(new AwsAccess("ap-southeast-1",
                Optional.of(URI.create("http://127.0.0.1:4566")), TEST_KEYS))) {
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("ap-southeast-1");
            assertThat(client.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:4566"));
        }
    }

    @Test
    void withoutAnEndpointUsesTheRegionsOwn() {
        try (DynamoDbClient client = DynamoDbClients.create(new AwsAccess("us-east-1", Optional.empty(),
                TEST_KEYS))) {
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
            assertThat(client.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }

    @Test
    void createsTablesThroughABuiltClient() {
        try (DynamoDbClient client = DynamoDbClients.create(new AwsAccess("us-east-1", Optional.of(MOTO.endpoint()),
                TEST_KEYS))) {
            DynamoDbTables tables = new DynamoDbTables(client, "env_").createIfAbsent();
            tables.createIfAbsent();

            assertThat(client.listTables().tableNames()).contains("env_studentData",
                    "env_StudentApiKeys", "env_StudentUsagePlans", "env_StudentUsage");
            assertThat(client.describeTable(r -> r.tableName("env_studentData")).table().keySchema())
                    .singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("studentid"));
        }
    }
}
