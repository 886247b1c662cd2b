package dev.studentapi.core.student;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A strong entity tag of a student's stored fields, as sent in {@code ETag} and compared with {@code If-Match}. */
public record StudentTag(String value) {

    public StudentTag {
        Objects.requireNonNull(value, "value");
    }

    /** {@code "} + the first 16 hex digits of SHA-256 over the five fields joined by U+0000 + {@code "}. */
    public static StudentTag of(Student s) {
        String joined = String.join("\u0000", s.studentId(), s.name(), s.className(), s.birthdate(), s.email());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return new StudentTag("\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Whether an {@code If-Match} field value matches this tag: {@code *} matches any, a list matches when one of
     * its tags equals this one, and a weak tag ({@code W/"..."}) never matches (strong comparison, RFC 9110).
     */
    public boolean matches(String ifMatchHeader) {
        if (ifMatchHeader == null) {
            return false;
        }
        String header = ifMatchHeader.strip();
        if (header.equals("*")) {
            return true;
        }
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
            } else if (c == '"') {
                int end = header.indexOf('"', i + 1);
                if (end < 0) {
                    return false;
                }
                if (header.substring(i, end + 1).equals(value)) {
                    return true;
                }
                i = end + 1;
            } else if (header.startsWith("W/\"", i)) {
                int end = header.indexOf('"', i + 3);
                if (end < 0) {
                    return false;
                }
                i = end + 1;
            } else {
                int next = header.indexOf(',', i);
                if (next < 0) {
                    return false;
                }
                i = next + 1;
            }
        }
        return false;
    }

    /** Whether an {@code If-Match} field value is the wildcard {@code *}. */
    public static boolean isWildcard(String ifMatchHeader) {
        return ifMatchHeader != null && ifMatchHeader.strip().equals("*");
    }
}
