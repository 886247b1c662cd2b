package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The web page's files, from the classpath folder {@code /public}: each read once, kept in memory and answered
 * with an ETag, so that a browser revalidates ({@code Cache-Control: no-cache}) and gets 304 while unchanged.
 * Only files that exist are kept; any other path gets the server's answer to an unknown route.
 */
final class WebAssets {

    private static final String FOLDER = "/public";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain;charset=utf-8",
            "woff2", "font/woff2");

    private record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();
    private final ApiResponse missing;

    /** The page's files; a path that is none of them answers {@code missing}. */
    WebAssets(ApiResponse missing) {
        this.missing = missing;
    }

    void handle(Exchange exchange) {
        String path = exchange.path().endsWith("/") ? exchange.path() + "index.html" : exchange.path();
        Asset asset = loaded.get(path);
        if (asset == null) {
            asset = load(path);
            if (asset == null) {
                JsonReplies.send(exchange, missing);
                return;
            }
            loaded.putIfAbsent(path, asset);
        }
        exchange.header("ETag", asset.etag());
        exchange.header("Cache-Control", "no-cache");
        if (asset.etag().equals(exchange.header("If-None-Match"))) {
            exchange.status(304);
            return;
        }
        exchange.result(asset.contentType(), asset.bytes());
    }

    private static Asset load(String path) {
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            return null;
        }
        try (InputStream in = WebAssets.class.getResourceAsStream(FOLDER + path)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            String etag = "\"" + HexFormat.of().toHexDigits((int) crc.getValue()) + "-" + bytes.length + "\"";
            String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return new Asset(bytes, TYPES.getOrDefault(extension, "application/octet-stream"), etag);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web page's file " + path, e);
        }
    }
}
