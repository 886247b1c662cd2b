package dev.studentapi.server;

import dev.studentapi.server.config.Settings;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a server on a data directory (its first argument) and prints its URL, its key and its heap limit, until
 * its standard input closes; started with a small heap by a test.
 */
public final class ServerInSmallHeap {
    private ServerInSmallHeap() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DATA_DIR", args[0]);
        env.put("PORT", "0");
        env.put("ADMIN_PORT", "0");
        env.put("HOST", "127.0.0.1");
        try (RunningServer server = StudentApiServer.start(Settings.fromEnvironment(env))) {
            System.out.println("url " + server.baseUrl());
            System.out.println("key " + server.bootstrapKeyValue().orElseThrow());
            System.out.println("max heap " + Runtime.getRuntime().maxMemory());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
