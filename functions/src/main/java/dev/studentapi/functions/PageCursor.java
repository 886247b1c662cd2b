package dev.studentapi.functions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque, tamper-evident cursor of a page: the last student id of the page with its HMAC-SHA256 under a
 * secret, as URL-safe base64. A cursor that was changed in any way does not decode. Safe for concurrent use.
 */
public final class PageCursor {

    private static final String ALGORITHM = "HmacSHA256";
    /** The bytes of the MAC kept in a cursor: 128 bits, beyond guessing and short in a link. */
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** Cursors signed with {@code secret} (at least 16 bytes; every server and function of a deployment shares it). */
    public PageCursor(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a cursor secret needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** Cursors that only this process can read back, for a deployment that configured no secret. */
    public static PageCursor ofRandomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new PageCursor(secret);
    }

    /** The cursor that continues after {@code lastId}. */
    public String encode(String lastId) {
        byte[] id = lastId.getBytes(StandardCharsets.UTF_8);
        byte[] token = Arrays.copyOf(tag(id), TAG_BYTES + id.length);
        System.arraycopy(id, 0, token, TAG_BYTES, id.length);
        return ENCODER.encodeToString(token);
    }

    /** The id a cursor continues after, or empty when it is not one this secret signed. */
    public Optional<String> decode(String cursor) {
        byte[] token;
        try {
            token = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (token.length <= TAG_BYTES || !ENCODER.encodeToString(token).equals(cursor)) {
            return Optional.empty();
        }
        byte[] id = Arrays.copyOfRange(token, TAG_BYTES, token.length);
        if (!MessageDigest.isEqual(Arrays.copyOf(tag(id), TAG_BYTES), Arrays.copyOf(token, TAG_BYTES))) {
            return Optional.empty();
        }
        return Optional.of(new String(id, StandardCharsets.UTF_8));
    }

    private byte[] tag(byte[] id) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
