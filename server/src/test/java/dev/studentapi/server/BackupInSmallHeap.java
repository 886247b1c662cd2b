package dev.studentapi.server;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.server.config.Settings;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** Runs one backup of a data directory and prints the response; started with a small heap by a test. */
public final class BackupInSmallHeap {
    private BackupInSmallHeap() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromEnvironment(Map.of("DATA_DIR", args[0]));
        try (Components components = Components.build(settings, Clock.systemUTC(),
                () -> URI.create("http://127.0.0.1:8080"))) {
            ApiResponse response = components.dataPlane().functions().backup();
            System.out.println(response.status() + " " + response.bodyText());
            System.out.println("max heap " + Runtime.getRuntime().maxMemory());
        }
    }
}
