package dev.studentapi.core.apikey;

import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryApiKeyStore;
import dev.studentapi.testkit.fake.InMemoryUsagePlanStore;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmKeyValuesTest {
    private final AesGcmKeyValues values = AesGcmKeyValues.fromBase64(AesGcmKeyValues.newKeyBase64());

    @Test
    void sealsEachTimeDifferentlyAndOpensToTheValue() {
        SealedValue first = values.seal("student-key-value-0123456789").orElseThrow();
        SealedValue second = values.seal("student-key-value-0123456789").orElseThrow();

        assertThat(first.text()).startsWith("v1.").doesNotContain("student-key-value").isNotEqualTo(second.text());
        assertThat(values.open(first)).hasValue("student-key-value-0123456789");
        assertThat(values.open(second)).hasValue("student-key-value-0123456789");
    }

    @Test
    void anotherKeyOrAChangedValueDoesNotOpen() {
        SealedValue sealed = values.seal("student-key-value-0123456789").orElseThrow();
        AesGcmKeyValues other = AesGcmKeyValues.fromBase64(AesGcmKeyValues.newKeyBase64());
        String text = sealed.text();
        SealedValue changed = new SealedValue(text.substring(0, text.length() - 2)
                + (text.endsWith("A") ? "BB" : "AA"));

        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(AesGcmKeyValues.WrongKey.class);
        assertThatThrownBy(() -> values.open(changed)).isInstanceOf(AesGcmKeyValues.WrongKey.class);
        assertThatThrownBy(() -> AesGcmKeyValues.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void theServiceShowsAValueAgainOnlyWhenValuesAreKept() {
        InMemoryApiKeyStore store = new InMemoryApiKeyStore(new InMemoryUsagePlanStore());
        MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
        ApiKeyService encrypted = new ApiKeyService(store, clock, values);
        ApiKeyService hashed = new ApiKeyService(store, clock);

        IssuedApiKey sealedKey = encrypted.create("sealed", "", true, Optional.empty());
        IssuedApiKey hashedKey = hashed.create("hashed", "", true, Optional.empty());

        assertThat(encrypted.value(encrypted.get(sealedKey.key().id()))).hasValue(sealedKey.value());
        assertThat(encrypted.value(encrypted.get(hashedKey.key().id()))).isEmpty();
        assertThat(hashed.value(hashed.get(sealedKey.key().id()))).isEmpty();
        assertThat(store.findById(sealedKey.key().id()).orElseThrow().sealed()).isPresent();
        assertThat(store.findById(hashedKey.key().id()).orElseThrow().sealed()).isEmpty();
    }
}
