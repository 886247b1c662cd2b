package dev.studentapi.controlplane;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The canonical form of a request in AWS Signature Version 4, for services other than S3: the path normalized
 * and encoded a second time, the query decoded, re-encoded and sorted, the signed headers trimmed and in order.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    static String of(VerifiableRequest request, List<String> signedHeaders, String payloadHash) {
        return request.method() + "\n"
                + uri(request.rawPath()) + "\n"
                + query(request.rawQuery()) + "\n"
                + headers(request, signedHeaders) + "\n"
                + String.join(";", signedHeaders) + "\n"
                + payloadHash;
    }

    /** The path as sent (already percent-encoded once), with dot segments removed, encoded once more. */
    static String uri(String rawPath) {
        String normalized;
        try {
            normalized = new URI(rawPath).normalize().getRawPath();
        } catch (URISyntaxException e) {
            normalized = rawPath;
        }
        return normalized == null || normalized.isEmpty() ? "/" : encode(normalized, true);
    }

    static String query(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(Map.entry(encode(decode(name), false), encode(decode(value), false)));
        }
        pairs.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        return pairs.stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static String headers(VerifiableRequest request, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            out.append(name).append(':')
                    .append(values.stream().map(CanonicalRequest::trimAll).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return out.toString();
    }

    private static String trimAll(String value) {
        return value.strip().replaceAll(" +", " ");
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, everything else is %XX (upper case). */
    static String encode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Percent-decoding; a malformed escape is kept as it is, and {@code +} stays a plus sign. */
    static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length
                    && Character.digit(bytes[i + 1], 16) >= 0 && Character.digit(bytes[i + 2], 16) >= 0) {
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
