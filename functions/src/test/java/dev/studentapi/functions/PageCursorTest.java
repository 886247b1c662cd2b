package dev.studentapi.functions;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Page cursors read back only as signed, by the same secret. */
class PageCursorTest {

    private final PageCursor cursors = new PageCursor("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void readsBackTheIdItWasMadeFrom() {
        assertThat(cursors.decode(cursors.encode("SV001"))).hasValue("SV001");
        assertThat(cursors.encode("SV001")).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesEveryChangedCursorAndOnesOfAnotherSecret() {
        String cursor = cursors.encode("SV001");
        for (int i = 0; i < cursor.length(); i++) {
            char c = cursor.charAt(i);
            String changed = cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1);
            assertThat(cursors.decode(changed)).as(changed).isEmpty();
        }
        assertThat(cursors.decode(cursor + "A")).isEmpty();
        assertThat(cursors.decode("")).isEmpty();
        assertThat(cursors.decode("not base64!")).isEmpty();
        assertThat(PageCursor.ofRandomSecret().decode(cursor)).isEmpty();
    }
}
