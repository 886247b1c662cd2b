package dev.studentapi.filesystem;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signs and checks download links with HMAC-SHA256 under a secret kept in a file of the data directory.
 * Immutable and safe for concurrent use; the secret never appears in its output, messages or {@code toString}.
 */
public final class LinkSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SECRET_BYTES = 32;
    private static final Base64.Encoder SIGNATURE = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    private LinkSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /**
     * The signer whose secret is in {@code secretFile}, first creating that file (owner-only where POSIX
     * permissions exist, written atomically) with 32 fresh random bytes when it does not exist yet. Processes
     * racing to create it all end up with the same secret.
     */
    public static LinkSigner loadOrCreate(Path secretFile) throws IOException {
        if (!Files.exists(secretFile)) {
            create(secretFile);
        }
        return new LinkSigner(read(secretFile));
    }

    /** The signature (URL-safe base64, 43 characters) of a link to {@code key} in {@code bucket}. */
    public String sign(String bucket, String key, long expiresEpochSeconds) {
        return SIGNATURE.encodeToString(mac(bucket, key, expiresEpochSeconds));
    }

    /** Whether {@code signature} is exactly the one {@link #sign} gives, compared in constant time. */
    public boolean verify(String bucket, String key, long expires, String signature) {
        if (bucket == null || key == null || signature == null) {
            return false;
        }
        byte[] expected = sign(bucket, key, expires).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String bucket, String key, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(this.key);
            // length-prefixed fields, so that no two (bucket, key, expires) triples sign the same bytes
            for (String field : new String[] {bucket, key}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                mac.update(bytes);
            }
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(expires).array());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] read(Path secretFile) throws IOException {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(Files.readString(secretFile, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("The link-signing secret file " + secretFile + " is not valid base64");
        }
        if (secret.length < SECRET_BYTES) {
            throw new IOException("The link-signing secret file " + secretFile + " holds fewer than "
                    + SECRET_BYTES + " bytes");
        }
        return secret;
    }

    private static void create(Path secretFile) throws IOException {
        Path folder = secretFile.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        Path temp = Files.createTempFile(folder, "." + secretFile.getFileName(), ".tmp", ownerOnly(folder));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((Base64.getEncoder().encodeToString(secret) + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            publish(temp, secretFile);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Moves the finished secret into place unless another process got there first; theirs wins then. */
    private static void publish(Path temp, Path secretFile) throws IOException {
        try {
            Files.createLink(secretFile, temp); // atomic, and never replaces an existing file
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
        } catch (UnsupportedOperationException | IOException e) {
            if (!Files.exists(secretFile)) {
                Files.move(temp, secretFile, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    @Override
    public String toString() {
        return "LinkSigner[HmacSHA256]";
    }
}
