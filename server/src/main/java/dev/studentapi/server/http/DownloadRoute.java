package dev.studentapi.server.http;

import dev.studentapi.filesystem.Download;
import dev.studentapi.filesystem.DownloadResolver;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/** Serves backups through signed, expiring links, without an API key: 403 when expired or tampered. */
public final class DownloadRoute {

    private final DownloadResolver resolver;

    public DownloadRoute(DownloadResolver resolver) {
        this.resolver = resolver;
    }

    void handle(Context ctx) throws IOException {
        Download download = resolver.resolve(ctx.pathParam("bucket"), ctx.pathParam("key"),
                ctx.queryParam("expires"), ctx.queryParam("signature"));
        if (download instanceof Download.Found found) {
            String name = found.file().getFileName().toString();
            ctx.contentType("application/json")
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .header("Cache-Control", "private, no-store");
            InputStream in = Files.newInputStream(found.file());
            ctx.result(in);
        } else if (download instanceof Download.Missing) {
            JsonReplies.error(ctx, 404, "Not Found");
        } else if (download instanceof Download.Expired) {
            JsonReplies.gatewayError(ctx, 403, "AccessDenied", "Request has expired");
        } else {
            JsonReplies.gatewayError(ctx, 403, "AccessDenied", "Signature does not match");
        }
    }
}
