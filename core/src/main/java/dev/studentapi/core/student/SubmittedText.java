package dev.studentapi.core.student;

import java.text.Normalizer;

/**
 * The rules every submitted text value meets before the field rules: surrounding white space trimmed, Unicode
 * NFC, and none of the characters that hide or garble text (NUL and other controls, unpaired surrogates, bidi
 * overrides and isolates).
 */
final class SubmittedText {

    private SubmittedText() {
    }

    /** The value as it is validated, stored and compared: stripped, then NFC (ASCII and NFC text unchanged). */
    static String normalise(String value) {
        String stripped = value.strip();
        if (isAscii(stripped) || Normalizer.isNormalized(stripped, Normalizer.Form.NFC)) {
            return stripped;
        }
        return Normalizer.normalize(stripped, Normalizer.Form.NFC);
    }

    /** Whether the value holds a character that no field may contain. */
    static boolean hasForbiddenCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (forbidden(codePoint)) {
                return true;
            }
            if (Character.isSupplementaryCodePoint(codePoint)) {
                i++;
            }
        }
        return false;
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean forbidden(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
