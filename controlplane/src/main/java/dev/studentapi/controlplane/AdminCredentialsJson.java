package dev.studentapi.controlplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code ADMIN_CREDENTIALS_FILE}: {@code {"credentials": [{"accessKeyId": "...", "secretAccessKey": "...",
 * "name": "reader", "allow": [{"actions": ["apigateway:GET"], "resources": ["arn:aws:apigateway:*::/*"]}]}]}}.
 * A credential without {@code allow} may do nothing.
 */
public final class AdminCredentialsJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private record FileJson(List<CredentialJson> credentials) {}

    private record CredentialJson(String accessKeyId, String secretAccessKey, String name, List<AllowJson> allow) {}

    private record AllowJson(List<String> actions, List<String> resources) {}

    private AdminCredentialsJson() {
    }

    /**
     * The credentials of the file; IllegalArgumentException names the file and what is wrong (never a secret),
     * UncheckedIOException when it cannot be read.
     */
    public static List<AdminCredentials> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin credentials file " + file, e);
        }
        FileJson parsed;
        try {
            parsed = MAPPER.readValue(text, FileJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the admin credentials file " + file + " is not valid: "
                    + e.getOriginalMessage());
        }
        if (parsed == null || parsed.credentials() == null || parsed.credentials().isEmpty()) {
            throw new IllegalArgumentException("the admin credentials file " + file
                    + " has no \"credentials\" to accept");
        }
        List<AdminCredentials> credentials = new ArrayList<>();
        for (int i = 0; i < parsed.credentials().size(); i++) {
            CredentialJson entry = parsed.credentials().get(i);
            if (entry == null) {
                throw new IllegalArgumentException("the admin credentials file " + file + ", credential " + (i + 1)
                        + ": null");
            }
            try {
                List<Permission> allow = new ArrayList<>();
                for (AllowJson statement : entry.allow() == null ? List.<AllowJson>of() : entry.allow()) {
                    allow.add(new Permission(statement.actions(), statement.resources()));
                }
                credentials.add(new AdminCredentials(entry.accessKeyId(), entry.secretAccessKey(),
                        entry.name() == null || entry.name().isBlank() ? entry.accessKeyId() : entry.name(), allow));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the admin credentials file " + file + ", credential " + (i + 1)
                        + ": " + e.getMessage());
            }
        }
        return credentials;
    }
}
