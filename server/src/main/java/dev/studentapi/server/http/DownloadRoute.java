package dev.studentapi.server.http;

import dev.studentapi.core.backup.DownloadLinks;
import dev.studentapi.core.backup.DownloadLinks.Target;
import dev.studentapi.functions.DataPlaneReplies;

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

    void handle(Exchange exchange, DataPlaneReplies replies) throws IOException {
        Target target = links.resolve(exchange.pathParam("bucket"), exchange.pathParam("key"),
                exchange.queryParam("expires"), exchange.queryParam("signature"));
        if (target instanceof Target.Found found) {
            serve(exchange, found, replies);
        } else {
            refuse(exchange, target, replies);
        }
    }

    /** HEAD: the headers a GET of the same link would answer, with the file's length, and no body. */
    void head(Exchange exchange, DataPlaneReplies replies) throws IOException {
        Target target = links.resolve(exchange.pathParam("bucket"), exchange.pathParam("key"),
                exchange.queryParam("expires"), exchange.queryParam("signature"));
        if (!(target instanceof Target.Found found)) {
            refuse(exchange, target, replies);
            return;
        }
        long length;
        try {
            length = Files.size(found.file());
        } catch (NoSuchFileException e) {
            JsonReplies.send(exchange, replies.notFound());
            return;
        }
        describe(exchange, found);
        exchange.header("Content-Length", Long.toString(length));
        exchange.status(200);
    }

    private static void refuse(Exchange exchange, Target target, DataPlaneReplies replies) {
        if (target instanceof Target.Missing) {
            JsonReplies.send(exchange, replies.notFound());
        } else if (target instanceof Target.Expired) {
            JsonReplies.send(exchange, replies.linkExpired());
        } else {
            JsonReplies.send(exchange, replies.signatureMismatch());
        }
    }

    private static void serve(Exchange exchange, Target.Found found, DataPlaneReplies replies) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(found.file());
        } catch (NoSuchFileException e) {
            JsonReplies.send(exchange, replies.notFound()); // deleted since it was found
            return;
        }
        describe(exchange, found);
        exchange.result("application/json", in);
    }

    private static void describe(Exchange exchange, Target.Found found) {
        exchange.header("Content-Type", "application/json")
                .header("Content-Disposition", "attachment; filename=\"" + found.file().getFileName() + "\"")
                .header("Cache-Control", "private, no-store");
    }
}
