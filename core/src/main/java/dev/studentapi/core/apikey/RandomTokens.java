package dev.studentapi.core.apikey;

import java.security.SecureRandom;

/** Draws identifiers and key values from a secure random source. */
public final class RandomTokens {
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** An id of 10 lowercase letters and digits, the shape API Gateway uses. */
    public static String id() {
        return draw(LOWER_ALNUM, 10);
    }

    /** A key value of 40 letters and digits. */
    public static String keyValue() {
        return draw(ALNUM, 40);
    }

    /** {@code length} letters and digits. */
    public static String alphanumeric(int length) {
        return draw(ALNUM, length);
    }

    private static String draw(String alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        }
        return new String(out);
    }
}
