package dev.studentapi.controlplane;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every credential the control plane accepts: those of {@code ADMIN_CREDENTIALS_FILE}, each with its allow list,
 * and the all-powerful admin pair. Access key ids are unique.
 */
public final class AdminCredentialSet {
    private final List<AdminCredentials> credentials;

    public AdminCredentialSet(List<AdminCredentials> credentials) {
        if (credentials == null || credentials.isEmpty()) {
            throw new IllegalArgumentException("the control plane needs at least one credential");
        }
        Set<String> ids = new HashSet<>();
        for (AdminCredentials credential : credentials) {
            if (!ids.add(credential.accessKeyId())) {
                throw new IllegalArgumentException("the access key id " + credential.accessKeyId()
                        + " is given twice");
            }
        }
        this.credentials = List.copyOf(credentials);
    }

    public static AdminCredentialSet of(AdminCredentials... credentials) {
        return new AdminCredentialSet(List.of(credentials));
    }

    /** The credential with this access key id, compared in constant time. */
    public Optional<AdminCredentials> find(String accessKeyId) {
        if (accessKeyId == null) {
            return Optional.empty();
        }
        byte[] wanted = accessKeyId.getBytes(StandardCharsets.UTF_8);
        AdminCredentials found = null;
        for (AdminCredentials credential : credentials) {
            if (MessageDigest.isEqual(wanted, credential.accessKeyId().getBytes(StandardCharsets.UTF_8))) {
                found = credential;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<AdminCredentials> all() {
        return credentials;
    }

    /** The access key ids, for the start-up log line. */
    public List<String> accessKeyIds() {
        return credentials.stream().map(AdminCredentials::accessKeyId).toList();
    }

    @Override
    public String toString() {
        return "AdminCredentialSet" + accessKeyIds();
    }
}
