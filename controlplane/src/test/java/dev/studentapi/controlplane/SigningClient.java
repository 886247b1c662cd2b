package dev.studentapi.controlplane;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds requests by hand, signs them with the AWS SDK's own SigV4 signer, and lets a test tamper with them
 * before they are sent with java.net.http.
 */
final class SigningClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI endpoint;

    SigningClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A request signed for {@code service} at {@code clock}'s time, as its headers and body. */
    Signed sign(String method, String pathAndQuery, String body, AdminCredentials credentials, String service,
                Clock clock) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(endpoint.resolve(pathAndQuery))
                .putHeader("Content-Type", "application/json")
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-central-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return new Signed(method, pathAndQuery, headers, body);
    }

    /**
     * A request signed the way botocore (the AWS CLI) signs for API Gateway: only {@code host} and
     * {@code x-amz-date} signed, and no {@code x-amz-content-sha256} header. Written from the SigV4 spec for
     * a path without a query, so that the server's verifier is checked against a second implementation.
     */
    Signed signLikeTheCli(String method, String path, String body, AdminCredentials credentials, Instant at) {
        String amzDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(at);
        String day = amzDate.substring(0, 8);
        String host = endpoint.getHost() + ":" + endpoint.getPort();
        String canonical = method + "\n" + path + "\n\n" + "host:" + host + "\nx-amz-date:" + amzDate + "\n\n"
                + "host;x-amz-date\n" + hex(sha256(body.getBytes(StandardCharsets.UTF_8)));
        String scope = day + "/us-east-1/apigateway/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = ("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8);
        for (String part : List.of(day, "us-east-1", "apigateway", "aws4_request")) {
            key = hmac(key, part);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amz-Date", amzDate);
        headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=host;x-amz-date, Signature=" + hex(hmac(key, toSign)));
        return new Signed(method, path, headers, body);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    HttpResponse<String> send(Signed request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(request.pathAndQuery()))
                .method(request.method(), request.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, value) -> {
            if (!List.of("host", "content-length").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request ready to send; the {@code with…} methods return tampered copies. */
    record Signed(String method, String pathAndQuery, Map<String, String> headers, String body) {
        Signed withBody(String value) {
            return new Signed(method, pathAndQuery, headers, value);
        }

        Signed withPathAndQuery(String value) {
            return new Signed(method, value, headers, body);
        }

        Signed withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            if (value != null) {
                copy.put(name, value);
            }
            return new Signed(method, pathAndQuery, copy, body);
        }
    }
}
