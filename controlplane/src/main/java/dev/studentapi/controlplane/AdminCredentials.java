package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.RandomTokens;

import java.util.Locale;

/** The access key id and secret that control-plane requests must be signed with (AWS Signature Version 4). */
public record AdminCredentials(String accessKeyId, String secretAccessKey) {

    public AdminCredentials {
        if (accessKeyId == null || accessKeyId.isBlank() || accessKeyId.chars().anyMatch(c -> c <= 0x20 || c == '/')) {
            throw new IllegalArgumentException("the admin access key id must be non-blank, without spaces or '/'");
        }
        if (secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("the admin secret access key must not be blank");
        }
    }

    /** Fresh credentials from a secure random source, shaped like AWS's (20-character id, 40-character secret). */
    public static AdminCredentials generate() {
        return new AdminCredentials("AKIA" + RandomTokens.alphanumeric(16).toUpperCase(Locale.ROOT),
                RandomTokens.alphanumeric(40));
    }

    @Override
    public String toString() {
        return "AdminCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
