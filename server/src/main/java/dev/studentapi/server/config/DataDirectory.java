package dev.studentapi.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The layout of the server's data directory: the SQLite database, the secrets (download-signing key, page-cursor
 * key and control-plane credentials), the local buckets and the outbox of e-mail.
 */
public record DataDirectory(Path root) {

    public DataDirectory {
        Objects.requireNonNull(root, "root");
    }

    /** The SQLite file holding students, keys, plans and usage. */
    public Path database() {
        return root.resolve("student-api.db");
    }

    /** The folder of secrets this server generates and keeps. */
    public Path secrets() {
        return root.resolve("secrets");
    }

    /** The key that signs the download links of local buckets. */
    public Path downloadSigningKey() {
        return secrets().resolve("download-signing.key");
    }

    /** The key that signs the cursors of student pages, shared by every server on this data directory. */
    public Path cursorSigningKey() {
        return secrets().resolve("cursor-signing.key");
    }

    /** The generated credentials of the control plane. */
    public Path adminCredentials() {
        return secrets().resolve("admin-credentials.properties");
    }

    /** The key that encrypts API key values when {@code API_KEY_STORAGE=encrypted} is given no key of its own. */
    public Path apiKeyEncryptionKey() {
        return secrets().resolve("api-key-encryption.key");
    }

    /** Records how this data directory keeps API key values ({@code hash} or {@code encrypted}). */
    public Path apiKeyStorageMode() {
        return root.resolve("api-key-storage");
    }

    /** The folder that holds one folder per local bucket. */
    public Path buckets() {
        return root.resolve("buckets");
    }

    /** The folder where e-mail is written when no mail server is configured. */
    public Path outbox() {
        return root.resolve("outbox");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
