package dev.studentapi.controlplane.console;

import dev.studentapi.controlplane.AdminCredentialSet;
import dev.studentapi.controlplane.AdminCredentials;
import dev.studentapi.controlplane.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Checks a console sign-in: the caller a control-plane credential pair stands for, or empty for a wrong pair. */
@FunctionalInterface
public interface ConsoleCredentials {

    Optional<Caller> signIn(String accessKeyId, String secretAccessKey);

    /**
     * Accepts any pair of {@code credentials} (the admin pair and those of {@code ADMIN_CREDENTIALS_FILE}),
     * comparing the secret in constant time; what the caller may then do is the permission step's business.
     */
    static ConsoleCredentials of(AdminCredentialSet credentials) {
        return (accessKeyId, secretAccessKey) -> credentials.find(accessKeyId)
                .flatMap(found -> of(found).signIn(accessKeyId, secretAccessKey));
    }

    /** Accepts exactly {@code credentials}, comparing the secret in constant time. */
    static ConsoleCredentials of(AdminCredentials credentials) {
        byte[] expected = credentials.secretAccessKey().getBytes(StandardCharsets.UTF_8);
        return (accessKeyId, secretAccessKey) -> {
            boolean secretMatches = MessageDigest.isEqual(expected, secretAccessKey.getBytes(StandardCharsets.UTF_8));
            return secretMatches && credentials.accessKeyId().equals(accessKeyId)
                    ? Optional.of(new Caller(accessKeyId)) : Optional.empty();
        };
    }
}
