package dev.studentapi.controlplane;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 ...}) for the service
 * {@code apigateway} in any region, against the credential its access key id names, with {@code X-Amz-Date} no more than
 * 15 minutes from the clock. Stateless and safe for concurrent use.
 */
public final class SigV4Verifier {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SERVICE = "apigateway";
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private final AdminCredentialSet credentials;
    private final Clock clock;

    public SigV4Verifier(AdminCredentialSet credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    public SignatureCheck verify(VerifiableRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null || authorization.isBlank()) {
            return SignatureCheck.missingToken();
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            return SignatureCheck.incomplete("Unsupported Authorization header: only " + ALGORITHM
                    + " signatures are accepted.");
        }
        Map<String, String> parts = parameters(authorization.substring(ALGORITHM.length() + 1));
        List<String> missing = new ArrayList<>();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (parts.get(name) == null || parts.get(name).isEmpty()) {
                missing.add("Authorization header requires '" + name + "' parameter.");
            }
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            return SignatureCheck.incomplete(String.join(" ", missing));
        }
        String[] scope = parts.get("Credential").split("/", -1);
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            return SignatureCheck.incomplete("Credential should be scoped with a valid terminator: 'aws4_request', "
                    + "not '" + scope[scope.length - 1] + "'.");
        }
        if (!SERVICE.equals(scope[3])) {
            return SignatureCheck.invalid("Credential should be scoped to correct service: '" + SERVICE + "'. ");
        }
        List<String> signedHeaders = Arrays.asList(parts.get("SignedHeaders").split(";"));
        if (!signedHeaders.contains("host")) {
            return SignatureCheck.incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return SignatureCheck.incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'.");
        }
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            return SignatureCheck.invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                    + "of date from HTTP: '" + scope[1] + "' != '" + amzDate.substring(0, 8) + "', from '"
                    + amzDate + "'.");
        }
        Optional<AdminCredentials> credential = credentials.find(scope[0]);
        if (credential.isEmpty()) {
            return SignatureCheck.unrecognizedClient();
        }
        SignatureCheck timely = timely(amzDate, signedAt);
        if (timely != null) {
            return timely;
        }
        String payloadHash = HEX.formatHex(sha256(request.body()));
        String claimedHash = request.header("x-amz-content-sha256");
        if (claimedHash != null && !claimedHash.equalsIgnoreCase(payloadHash)) {
            return SignatureCheck.invalid("The provided 'x-amz-content-sha256' header does not match what was "
                    + "computed.");
        }
        String canonical = CanonicalRequest.of(request, signedHeaders, payloadHash);
        String scopeText = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scopeText + "\n" + HEX.formatHex(sha256(utf8(canonical)));
        byte[] expected = utf8(HEX.formatHex(hmac(signingKey(credential.get(), scope[1], scope[2]), stringToSign)));
        byte[] presented = utf8(parts.get("Signature").toLowerCase(java.util.Locale.ROOT));
        if (!MessageDigest.isEqual(expected, presented)) {
            return SignatureCheck.invalid("The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.\n\nThe Canonical String for this request should have been\n'"
                    + canonical + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
        }
        return new SignatureCheck.Accepted(scope[0]);
    }

    private SignatureCheck timely(String amzDate, Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            return SignatureCheck.invalid("Signature expired: " + amzDate + " is now earlier than "
                    + format(now.minus(MAX_SKEW)) + " (" + format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            return SignatureCheck.invalid("Signature not yet current: " + amzDate + " is still later than "
                    + format(now.plus(MAX_SKEW)) + " (" + format(now) + " + 15 min.)");
        }
        return null;
    }

    private static byte[] signingKey(AdminCredentials credential, String date, String region) {
        byte[] key = hmac(utf8("AWS4" + credential.secretAccessKey()), date);
        key = hmac(key, region);
        key = hmac(key, SERVICE);
        return hmac(key, "aws4_request");
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parts = new HashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return parts;
    }

    private static String format(Instant instant) {
        return AMZ_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(utf8(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
