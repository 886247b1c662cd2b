package dev.studentapi.lambda;

import dev.studentapi.aws.AwsAccess;
import dev.studentapi.config.ConfigurationException;
import dev.studentapi.core.text.Language;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaSettingsTest {

    static Map<String, String> deployed() {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", "ap-southeast-1");
        environment.put("TABLE_NAME", "studentData");
        environment.put("S3_BUCKET_NAME", "student-backup-123456789012-ap-southeast-1");
        environment.put("SENDER_EMAIL", "noreply@school.test");
        environment.put("RECIPIENT_EMAIL", "registrar@school.test");
        return environment;
    }

    @Test
    void readsWhatTheStackSetsAndDefaultsTheRest() {
        LambdaSettings settings = LambdaSettings.from(deployed());

        assertThat(settings).isEqualTo(new LambdaSettings(new AwsAccess("ap-southeast-1", Optional.empty(),
                Optional.empty()), "studentData", "student-backup-123456789012-ap-southeast-1", "noreply@school.test",
                "registrar@school.test", Language.EN, List.of("*")));
    }

    @Test
    void readsLocaleEndpointAndOrigins() {
        Map<String, String> environment = deployed();
        environment.put("LOCALE", "vi");
        environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:5000");
        environment.put("CORS_ALLOWED_ORIGINS", "https://a.test, https://b.test");

        LambdaSettings settings = LambdaSettings.from(environment);

        assertThat(settings.language()).isEqualTo(Language.VI);
        assertThat(settings.aws().endpoint()).contains(URI.create("http://127.0.0.1:5000"));
        assertThat(settings.allowedOrigins()).containsExactly("https://a.test", "https://b.test");
    }

    @Test
    void readsTheSharedCursorSecretAndRefusesAShortOneWithoutShowingIt() {
        Map<String, String> environment = deployed();
        environment.put("PAGE_CURSOR_SECRET", "0123456789abcdef-deployment");
        assertThat(LambdaSettings.from(environment).cursorSecret()).contains("0123456789abcdef-deployment");
        assertThat(LambdaSettings.from(deployed()).cursorSecret()).isEmpty();

        environment.put("PAGE_CURSOR_SECRET", "short-secret");
        assertThatThrownBy(() -> LambdaSettings.from(environment)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PAGE_CURSOR_SECRET").hasMessageNotContaining("short-secret");
    }

    @Test
    void namesAMissingVariable() {
        Map<String, String> environment = deployed();
        environment.remove("S3_BUCKET_NAME");

        assertThatThrownBy(() -> LambdaSettings.from(environment)).isInstanceOf(ConfigurationException.class)
                .hasMessage("The environment variable S3_BUCKET_NAME must be set");
    }

    @Test
    void refusesAnUnknownLocale() {
        Map<String, String> environment = deployed();
        environment.put("LOCALE", "fr");

        assertThatThrownBy(() -> LambdaSettings.from(environment))
                .hasMessage("Invalid value for LOCALE: 'fr' (expected en or vi)");
    }

    @Test
    void staticKeysFromTheEnvironmentSignTheClientsUnlessTheContainerServesCredentials() {
        Map<String, String> environment = deployed();
        environment.put("AWS_ACCESS_KEY_ID", "AKID");
        environment.put("AWS_SECRET_ACCESS_KEY", "secret");
        environment.put("AWS_SESSION_TOKEN", " ");

        assertThat(LambdaSettings.from(environment).aws().keys()).contains(AwsAccess.Keys.of("AKID", "secret"));

        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/credentials");
        assertThat(LambdaSettings.from(environment).aws().keys()).isEmpty();
    }

    @Test
    void aTableNameMapsToTheStoresPrefix() {
        assertThat(LambdaComponents.tablePrefix("studentData")).isEmpty();
        assertThat(LambdaComponents.tablePrefix("dev_studentData")).isEqualTo("dev_");
        assertThatThrownBy(() -> LambdaComponents.tablePrefix("students"))
                .hasMessageStartingWith("TABLE_NAME must be studentData or end with it");
    }
}
