package dev.studentapi.core.apikey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps key values encrypted with AES-256-GCM: each value sealed with a fresh 96-bit nonce and a 128-bit tag, as
 * {@code v1.<base64url(nonce || ciphertext)>}. Opening a value sealed with another key fails with
 * {@link WrongKey}. Safe for concurrent use.
 */
public final class AesGcmKeyValues implements KeyValueStorage {
    /** The length of the key, in bytes (AES-256). */
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v1.";
    private static final byte[] CONTEXT = "studentapi api-key value".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** A sealed value that this key does not open (another key sealed it, or it was changed). */
    public static final class WrongKey extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        WrongKey(String message) {
            super(message);
        }
    }

    public AesGcmKeyValues(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the API key encryption key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A key given as base64 (standard or URL alphabet) of 32 bytes; IllegalArgumentException otherwise. */
    public static AesGcmKeyValues fromBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the API key encryption key is not base64");
        }
        return new AesGcmKeyValues(bytes);
    }

    /** A fresh random key, as base64. */
    public static String newKeyBase64() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public Optional<SealedValue> seal(String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] envelope = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, envelope, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, envelope, NONCE_BYTES, sealed.length);
            return Optional.of(new SealedValue(VERSION + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(envelope)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    @Override
    public Optional<String> open(SealedValue sealed) {
        if (!sealed.text().startsWith(VERSION)) {
            throw new WrongKey("a stored key value is sealed in an unknown form");
        }
        byte[] envelope;
        try {
            envelope = Base64.getUrlDecoder().decode(sealed.text().substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new WrongKey("a stored key value is not base64");
        }
        if (envelope.length <= NONCE_BYTES) {
            throw new WrongKey("a stored key value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, envelope, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            byte[] value = cipher.doFinal(envelope, NONCE_BYTES, envelope.length - NONCE_BYTES);
            return Optional.of(new String(value, StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException e) {
            throw new WrongKey("the API key encryption key does not open the stored key values");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmKeyValues[****]";
    }
}
