package dev.studentapi.core.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page of the audit log ends: the next page starts with the entry recorded just before {@code entryId}.
 * Clients see it only as an opaque {@link #token()}.
 */
public record AuditPosition(String entryId) {

    private static final Pattern ENTRY_ID = Pattern.compile("[0-9]{13}-[A-Za-z0-9]{1,40}");

    public AuditPosition {
        if (entryId == null || !ENTRY_ID.matcher(entryId).matches()) {
            throw new IllegalArgumentException("Invalid audit position.");
        }
    }

    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(entryId.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a {@link #token()} stands for; anything else is refused with an IllegalArgumentException. */
    public static AuditPosition parse(String token) {
        try {
            return new AuditPosition(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid audit position.", e);
        }
    }
}
