package dev.studentapi.aws;

import dev.studentapi.config.ConfigurationException;
import dev.studentapi.config.Environment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsAccessTest {

    private static AwsAccess from(Map<String, String> values) {
        return AwsAccess.from(Environment.of(values));
    }

    @Test
    void withNothingSetItIsUsEast1TheRegionsEndpointAndTheDefaultChain() {
        AwsAccess access = from(Map.of());

        assertThat(access).isEqualTo(new AwsAccess("us-east-1", Optional.empty(), Optional.empty()));
        assertThat(access.credentials()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(access.where()).isEqualTo("region us-east-1");
    }

    @Test
    void readsRegionEndpointAndStaticKeysWithASessionToken() {
        AwsAccess access = from(Map.of("AWS_DEFAULT_REGION", "eu-west-1", "AWS_ENDPOINT_URL", " http://127.0.0.1:5000 ",
                "AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret-value", "AWS_SESSION_TOKEN", "token"));

        assertThat(access.region()).isEqualTo("eu-west-1");
        assertThat(access.endpoint()).contains(URI.create("http://127.0.0.1:5000"));
        assertThat(access.credentials()).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(access.credentials().resolveCredentials()).isInstanceOfSatisfying(AwsSessionCredentials.class,
                credentials -> assertThat(credentials.sessionToken()).isEqualTo("token"));
        assertThat(access.toString()).contains("AKID").doesNotContain("secret-value");
    }

    @Test
    void awsRegionWinsOverTheDefaultRegion() {
        assertThat(from(Map.of("AWS_REGION", "ap-southeast-1", "AWS_DEFAULT_REGION", "eu-west-1")).region())
                .isEqualTo("ap-southeast-1");
    }

    @Test
    void aContainerThatServesCredentialsIsLeftToTheDefaultChain() {
        AwsAccess access = from(Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/credentials"));

        assertThat(access.keys()).isEmpty();
        assertThat(access.credentials()).isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void refusesHalfAKeyPairAndMalformedValuesNamingTheVariable() {
        assertThatThrownBy(() -> from(Map.of("AWS_ACCESS_KEY_ID", "AKID")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AWS_SECRET_ACCESS_KEY");
        assertThatThrownBy(() -> from(Map.of("AWS_REGION", "moon"))).hasMessageContaining("AWS_REGION");
        assertThatThrownBy(() -> from(Map.of("AWS_DEFAULT_REGION", "moon"))).hasMessageContaining("AWS_DEFAULT_REGION");
        assertThatThrownBy(() -> from(Map.of("AWS_ENDPOINT_URL", "localhost:4566")))
                .hasMessageContaining("AWS_ENDPOINT_URL");
    }
}
