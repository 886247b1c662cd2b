package dev.studentapi.controlplane.console;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The console's files, from the classpath folder {@code /console} (the console module), at {@code /console/...}:
 * read once, kept in memory, answered with an ETag and the console's Content-Security-Policy (scripts and styles
 * from the console's own origin only, no inline code). Any other path is a 404.
 */
final class ConsoleAssets {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "txt", "text/plain;charset=utf-8");

    private record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    /** A file of the console; {@code GET /console} goes to {@code /console/}, where the page is. */
    void handle(Context ctx) {
        if (ctx.path().equals(Console.PATH)) {
            ctx.redirect(Console.PATH + "/");
            return;
        }
        String path = ctx.path().endsWith("/") ? ctx.path() + "index.html" : ctx.path();
        Optional<Asset> found = Optional.ofNullable(loaded.get(path)).or(() -> load(path));
        securityHeaders(ctx);
        if (found.isEmpty()) {
            ConsoleJson.respond(ctx, 404, Map.of("message", "Not Found"));
            return;
        }
        Asset asset = found.get();
        loaded.putIfAbsent(path, asset);
        ctx.header("ETag", asset.etag());
        ctx.header("Cache-Control", "no-cache");
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
    }

    private static Optional<Asset> load(String path) {
        if (!path.startsWith("/console/") || path.contains("..") || path.contains("//") || path.contains("\\")) {
            return Optional.empty();
        }
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            String etag = "\"" + HexFormat.of().toHexDigits((int) crc.getValue()) + "-" + bytes.length + "\"";
            String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return Optional.of(new Asset(bytes, TYPES.getOrDefault(extension, "application/octet-stream"), etag));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's file " + path, e);
        }
    }
}
