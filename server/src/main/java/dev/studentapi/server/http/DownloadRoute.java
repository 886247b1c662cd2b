package dev.studentapi.server.http;

import dev.studentapi.core.backup.DownloadLinks;
import dev.studentapi.core.backup.DownloadLinks.Target;
import dev.studentapi.functions.DataPlaneReplies;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/** Serves backups through signed, expiring links, without an API key: 403 when expired or tampered. */
public final class DownloadRoute {

    private final DownloadLinks links;

    public DownloadRoute(DownloadLinks links) {
        this.links = links;
    }

    void handle(Context ctx, DataPlaneReplies replies) throws IOException {
        Target target = links.resolve(ctx.pathParam("bucket"), ctx.pathParam("key"),
                ctx.queryParam("expires"), ctx.queryParam("signature"));
        if (target instanceof Target.Found found) {
            serve(ctx, found, replies);
        } else if (target instanceof Target.Missing) {
            JsonReplies.send(ctx, replies.notFound());
        } else if (target instanceof Target.Expired) {
            JsonReplies.send(ctx, replies.linkExpired());
        } else {
            JsonReplies.send(ctx, replies.signatureMismatch());
        }
    }

    private static void serve(Context ctx, Target.Found found, DataPlaneReplies replies) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(found.file());
        } catch (NoSuchFileException e) {
            JsonReplies.send(ctx, replies.notFound()); // deleted since it was found
            return;
        }
        ctx.contentType("application/json")
                .header("Content-Disposition", "attachment; filename=\"" + found.file().getFileName() + "\"")
                .header("Cache-Control", "private, no-store");
        ctx.result(in);
    }
}
