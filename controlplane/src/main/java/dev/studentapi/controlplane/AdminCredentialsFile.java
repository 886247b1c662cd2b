package dev.studentapi.controlplane;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Keeps generated admin credentials in a properties file readable only by its owner, so that they are made
 * (and shown) once, on first start, and stay the same afterwards.
 */
public final class AdminCredentialsFile {
    private static final String ACCESS_KEY_ID = "access_key_id";
    private static final String SECRET_ACCESS_KEY = "secret_access_key";

    private AdminCredentialsFile() {
    }

    /**
     * The credentials stored in {@code file}; when there is no such file, generates them, stores them and hands
     * them once to {@code onCreated} (to print them). Throws UncheckedIOException when the file cannot be used.
     */
    public static AdminCredentials loadOrCreate(Path file, Consumer<AdminCredentials> onCreated) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            AdminCredentials created = AdminCredentials.generate();
            try {
                write(file, created);
            } catch (FileAlreadyExistsException raced) {
                return read(file);
            }
            onCreated.accept(created);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the admin credentials file " + file, e);
        }
    }

    private static AdminCredentials read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        try {
            return new AdminCredentials(properties.getProperty(ACCESS_KEY_ID), properties.getProperty(SECRET_ACCESS_KEY));
        } catch (IllegalArgumentException e) {
            throw new IOException("the admin credentials file " + file + " is incomplete: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, AdminCredentials credentials) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".admin-credentials", ".tmp");
        try {
            restrictToOwner(temporary);
            Properties properties = new Properties();
            properties.setProperty(ACCESS_KEY_ID, credentials.accessKeyId());
            properties.setProperty(SECRET_ACCESS_KEY, credentials.secretAccessKey());
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                properties.store(writer, "Student Records API control-plane credentials (AWS SigV4, service apigateway)");
            }
            Files.move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL applies.
        }
    }
}
