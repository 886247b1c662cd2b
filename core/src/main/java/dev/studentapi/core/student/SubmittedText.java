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

    /** The value as it is validated, stored and compared: stripped, then NFC (text already in NFC unchanged). */
    static String normalise(String value) {
        String stripped = value.strip();
        if (isPlainlyComposed(stripped) || Normalizer.isNormalized(stripped, Normalizer.Form.NFC)) {
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

    /**
     * Whether every character is below U+0300 or in Latin Extended Additional (U+1E00-U+1EFF, the precomposed
     * Vietnamese letters): all of them are NFC as they stand and none combines with another, so such text (ASCII,
     * most names) is in NFC without asking {@link Normalizer}.
     */
    private static boolean isPlainlyComposed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) {
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
