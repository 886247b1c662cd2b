package dev.studentapi.core.apikey;

import dev.studentapi.core.Refusal;
import dev.studentapi.core.RefusalCode;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryApiKeyStore;
import dev.studentapi.testkit.fake.InMemoryUsagePlanStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.studentapi.core.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyServiceTest {
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore(new InMemoryUsagePlanStore());
    private final ApiKeyService keys = new ApiKeyService(store, MutableClock.at("2026-11-27T10:00:00Z"));

    @Test
    void createsAKeyWithAGeneratedValueAndAStrippedName() {
        IssuedApiKey issued = keys.create("  student key ", "d", true, Optional.empty());
        assertThat(issued.key().name()).isEqualTo("student key");
        assertThat(issued.value()).matches("[A-Za-z0-9]{40}");
        assertThat(keys.findByValue(issued.value())).contains(issued.key());
    }

    @Nested
    class Refuses {
        @Test
        void aNameOfOnlySpacesButNotAMissingOne() {
            refused(() -> keys.create(" ", "", true, Optional.empty()), RefusalCode.KEY_NAME_REQUIRED);
            assertThat(keys.create(null, "", true, Optional.empty()).key().name()).isEmpty();
            assertThat(keys.create("", "", true, Optional.empty()).key().name()).isEmpty();
        }

        @Test
        void aNameOrDescriptionOverTheLimitWithTheLimit() {
            Refusal name = refused(() -> keys.create("n".repeat(1025), "", true, Optional.empty()),
                    RefusalCode.KEY_NAME_TOO_LONG);
            Refusal description = refused(() -> keys.create("k", "d".repeat(125_001), true, Optional.empty()),
                    RefusalCode.KEY_DESCRIPTION_TOO_LONG);
            String id = keys.create("k", "", true, Optional.empty()).key().id();
            refused(() -> keys.update(id, ApiKeyChange.NONE.withDescription("d".repeat(125_001))),
                    RefusalCode.KEY_DESCRIPTION_TOO_LONG);

            assertThat(name.limit()).hasValue(1024);
            assertThat(description.limit()).hasValue(125_000);
            assertThat(keys.get(id).description()).isEmpty();
        }

        @Test
        void aTagKeyStartingWithAwsOrTooLong() {
            String id = keys.create("k", "", true, Optional.empty()).key().id();

            refused(() -> keys.tag(id, java.util.Map.of("aws:x", "1")), RefusalCode.TAG_INVALID);
            refused(() -> keys.tag(id, java.util.Map.of("k".repeat(129), "1")), RefusalCode.TAG_INVALID);
            refused(() -> keys.tag(id, java.util.Map.of("k", "v".repeat(257))), RefusalCode.TAG_INVALID);
            assertThat(keys.get(id).tags()).isEmpty();
        }

        @Test
        void aValueShorterThanTwentyCharactersWithItsLengthAndTheLimit() {
            Refusal refusal = refused(() -> keys.create("k", "", true, Optional.of("tooshort")),
                    RefusalCode.KEY_VALUE_TOO_SHORT);
            assertThat(refusal.value()).contains("8");
            assertThat(refusal.limit()).hasValue(20);
            assertThat(refusal.getMessage()).doesNotContain("tooshort");
        }

        @Test
        void aValueLongerThan128Characters() {
            assertThat(keys.create("k", "", true, Optional.of("v".repeat(128))).value()).hasSize(128);
            Refusal refusal = refused(() -> keys.create("k", "", true, Optional.of("v".repeat(129))),
                    RefusalCode.KEY_VALUE_TOO_LONG);
            assertThat(refusal.limit()).hasValue(128);
        }

        @Test
        void aValueWithSpacesOrNonAsciiCharactersWithoutEchoingIt() {
            Refusal spaced = refused(() -> keys.create("k", "", true, Optional.of("a value with spaces in it")),
                    RefusalCode.KEY_VALUE_INVALID_CHARACTERS);
            assertThat(spaced.value()).isEmpty();
            refused(() -> keys.create("k", "", true, Optional.of("giá-trị-khóa-tiếng-việt")),
                    RefusalCode.KEY_VALUE_INVALID_CHARACTERS);
        }

        @Test
        void aValueAlreadyInUse() {
            keys.create("first", "", true, Optional.of("shared-value-0123456789"));
            Refusal refusal = refused(() -> keys.create("second", "", true, Optional.of("shared-value-0123456789")),
                    RefusalCode.KEY_VALUE_IN_USE);
            assertThat(refusal.kind()).isEqualTo(RefusalCode.Kind.CONFLICT);
            assertThat(keys.list()).hasSize(1);
        }

        @Test
        void anUnknownIdAsNotFound() {
            Refusal refusal = refused(() -> keys.get("nosuchkey0"), RefusalCode.API_KEY_NOT_FOUND);
            assertThat(refusal.kind()).isEqualTo(RefusalCode.Kind.NOT_FOUND);
            assertThat(refusal.value()).contains("nosuchkey0");
            refused(() -> keys.setEnabled("nosuchkey0", false), RefusalCode.API_KEY_NOT_FOUND);
            refused(() -> keys.delete("nosuchkey0"), RefusalCode.API_KEY_NOT_FOUND);
        }

        @Test
        void aChangeWithABlankNameAndAppliesNoneOfIt() {
            ApiKey key = keys.create("k", "before", true, Optional.empty()).key();
            refused(() -> keys.update(key.id(), new ApiKeyChange(false, "  ", "after")),
                    RefusalCode.KEY_NAME_REQUIRED);
            assertThat(keys.get(key.id())).isEqualTo(key);
        }
    }

    @Test
    void aChangeAppliesEveryPartAtOnce() {
        ApiKey key = keys.create("k", "before", true, Optional.empty()).key();
        ApiKey changed = keys.update(key.id(), new ApiKeyChange(false, " renamed ", "after"));
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.name()).isEqualTo("renamed");
        assertThat(changed.description()).isEqualTo("after");
        assertThat(keys.get(key.id())).isEqualTo(changed);
    }
}
