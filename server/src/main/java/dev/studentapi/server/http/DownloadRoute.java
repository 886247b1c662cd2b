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
        } else {
            refuse(ctx, target, replies);
        }
    }

    /** HEAD: the headers a GET of the same link would answer, with the file's length, and no body. */
    void head(Context ctx, DataPlaneReplies replies) throws IOException {
        Target target = links.resolve(ctx.pathParam("bucket"), ctx.pathParam("key"),
                ctx.queryParam("expires"), ctx.queryParam("signature"));
        if (!(target instanceof Target.Found found)) {
            refuse(ctx, target, replies);
            return;
        }
        long length;
        try {
            length = Files.size(found.file());
        } catch (NoSuchFileException e) {
            JsonReplies.send(ctx, replies.notFound());
            return;
        }
        describe(ctx, found);
        ctx.header("Content-Length", Long.toString(length));
        ctx.status(200);
    }

    private static void refuse(Context ctx, Target target, DataPlaneReplies replies) {
        if (target instanceof Target.Missing) {
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
        describe(ctx, found);
        ctx.result(in);
    }

    private static void describe(Context ctx, Target.Found found) {
        ctx.contentType("application/json")
                .header("Content-Disposition", "attachment; filename=\"" + found.file().getFileName() + "\"")
                .header("Cache-Control", "private, no-store");
    }
}
