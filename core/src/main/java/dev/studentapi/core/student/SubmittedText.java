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

    /** The value as it is validated, stored and compared: stripped, then NFC. */
    static String normalise(String value) {
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    /** Whether the value holds a character that no field may contain. */
    static boolean hasForbiddenCharacter(String value) {
        return value.codePoints().anyMatch(SubmittedText::forbidden);
    }

    private static boolean forbidden(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
