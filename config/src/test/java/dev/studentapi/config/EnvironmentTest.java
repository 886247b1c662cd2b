package dev.studentapi.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentTest {

    private enum Engine { LOCAL, SHARED }

    @Test
    void aBlankValueIsUnsetAndValuesAreTrimmed() {
        Map<String, String> values = new HashMap<>(Map.of("HOST", "  example.test \n", "BLANK", " \t"));
        values.put("NULL", null);
        Environment environment = Environment.of(values);

        assertThat(environment.optional("HOST")).contains("example.test");
        assertThat(environment.optional("BLANK")).isEmpty();
        assertThat(environment.optional("NULL")).isEmpty();
        assertThat(environment.text("BLANK", "fallback")).isEqualTo("fallback");
        assertThat(environment.integer("BLANK", 7, 0, 10)).isEqualTo(7);
    }

    @Test
    void aMissingRequiredVariableIsNamed() {
        assertThatThrownBy(() -> Environment.of(Map.of("TABLE_NAME", " ")).required("TABLE_NAME"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The environment variable TABLE_NAME must be set");
    }

    @Test
    void typedValuesAreReadAndMalformedOnesRefusedNamingTheVariable() {
        Environment environment = Environment.of(Map.of("PORT", " 8080 ", "TLS", "Yes", "ENGINE", "shared",
                "RATE", "2.5", "STAGE", "prod"));
        assertThat(environment.integer("PORT", 1, 0, 65535)).isEqualTo(8080);
        assertThat(environment.bool("TLS", false)).isTrue();
        assertThat(environment.choice("ENGINE", Engine.LOCAL, Engine.class)).isEqualTo(Engine.SHARED);
        assertThat(environment.positiveNumber("RATE", 1)).isEqualTo(2.5);
        assertThat(environment.matching("STAGE", "x", Pattern.compile("[a-z]+"), "letters")).isEqualTo("prod");

        Environment bad = Environment.of(Map.of("PORT", "eighty", "TLS", "maybe", "ENGINE", "cloud", "N", "-1"));
        assertThatThrownBy(() -> bad.integer("PORT", 1, 0, 65535))
                .hasMessage("Invalid value for PORT: 'eighty' (expected an integer from 0 to 65535)");
        assertThatThrownBy(() -> bad.bool("TLS", false)).hasMessageContaining("TLS");
        assertThatThrownBy(() -> bad.choice("ENGINE", Engine.LOCAL, Engine.class))
                .hasMessage("Invalid value for ENGINE: 'cloud' (expected one of [LOCAL, SHARED])");
        assertThatThrownBy(() -> bad.whole("N", 0, 0)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("N");
        assertThatThrownBy(() -> bad.parsed("PORT", value -> null, "a port")).hasMessageContaining("a port");
    }
}
