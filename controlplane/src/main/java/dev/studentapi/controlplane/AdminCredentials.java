package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.RandomTokens;

import java.util.List;
import java.util.Locale;

/**
 * An access key id and secret that control-plane requests may be signed with (AWS Signature Version 4), the name
 * it acts as ({@code arn:aws:iam::<account>:user/<name>}) and what it is allowed to do.
 */
public record AdminCredentials(String accessKeyId, String secretAccessKey, String name, List<Permission> allow) {

    /** The name of the all-powerful credential of {@code ADMIN_ACCESS_KEY_ID} or the data directory's secrets. */
    public static final String ADMIN_NAME = "admin";

    public AdminCredentials {
        if (accessKeyId == null || accessKeyId.isBlank() || accessKeyId.chars().anyMatch(c -> c <= 0x20 || c == '/')) {
            throw new IllegalArgumentException("the admin access key id must be non-blank, without spaces or '/'");
        }
        if (secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("the admin secret access key must not be blank");
        }
        name = name == null || name.isBlank() ? ADMIN_NAME : name;
        allow = allow == null ? List.of() : List.copyOf(allow);
    }

    /** An all-powerful credential, as the single admin pair has always been. */
    public AdminCredentials(String accessKeyId, String secretAccessKey) {
        this(accessKeyId, secretAccessKey, ADMIN_NAME, List.of(Permission.EVERYTHING));
    }

    /** Fresh credentials from a secure random source, shaped like AWS's (20-character id, 40-character secret). */
    public static AdminCredentials generate() {
        return new AdminCredentials("AKIA" + RandomTokens.alphanumeric(16).toUpperCase(Locale.ROOT),
                RandomTokens.alphanumeric(40));
    }

    /** Whether any allow statement allows {@code action} on {@code resource}. */
    public boolean allows(String action, String resource) {
        return allow.stream().anyMatch(permission -> permission.allows(action, resource));
    }

    @Override
    public String toString() {
        return "AdminCredentials[accessKeyId=" + accessKeyId + ", name=" + name + ", secretAccessKey=****]";
    }
}
