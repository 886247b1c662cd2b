package dev.studentapi.controlplane;

import dev.studentapi.core.usage.ApiStage;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the control plane listens, whose signatures it accepts, and which API and stage it describes.
 * {@code region} is only what clients are told to sign for; signatures for any region are accepted.
 */
public record ControlPlaneSettings(String bindAddress, int port, AdminCredentials credentials, String region,
                                   ApiStage apiStage, String apiName) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_REGION = "us-east-1";
    /** The name of the one API, as in the reference system. */
    public static final String API_NAME = "student";

    public ControlPlaneSettings {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("the control-plane bind address must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the control-plane port must be between 0 and 65535, got " + port);
        }
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(apiStage, "apiStage");
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        apiName = apiName == null || apiName.isBlank() ? API_NAME : apiName;
    }

    /** Loopback, port 8081, region us-east-1, API name {@code student}. */
    public static ControlPlaneSettings defaults(ApiStage apiStage, AdminCredentials credentials) {
        return new ControlPlaneSettings(DEFAULT_BIND, DEFAULT_PORT, credentials, DEFAULT_REGION, apiStage, API_NAME);
    }

    /**
     * Reads {@code ADMIN_BIND}, {@code ADMIN_PORT}, {@code ADMIN_ACCESS_KEY_ID}, {@code ADMIN_SECRET_ACCESS_KEY}
     * and {@code ADMIN_REGION}; when neither credential variable is set, asks {@code whenUnset} (which loads or
     * generates them). Throws IllegalArgumentException for a bad value, only one of the two credential
     * variables, or an admin port equal to the data plane's.
     */
    public static ControlPlaneSettings fromEnvironment(Map<String, String> env, ApiStage apiStage, int dataPlanePort,
                                                       Supplier<AdminCredentials> whenUnset) {
        String bind = valueOf(env, "ADMIN_BIND", DEFAULT_BIND);
        int port = portOf(valueOf(env, "ADMIN_PORT", Integer.toString(DEFAULT_PORT)));
        if (port != 0 && port == dataPlanePort) {
            throw new IllegalArgumentException("ADMIN_PORT must differ from the data-plane port " + dataPlanePort);
        }
        String keyId = valueOf(env, "ADMIN_ACCESS_KEY_ID", null);
        String secret = valueOf(env, "ADMIN_SECRET_ACCESS_KEY", null);
        if ((keyId == null) != (secret == null)) {
            throw new IllegalArgumentException("set both ADMIN_ACCESS_KEY_ID and ADMIN_SECRET_ACCESS_KEY, or neither");
        }
        AdminCredentials credentials = keyId == null ? whenUnset.get() : new AdminCredentials(keyId, secret);
        return new ControlPlaneSettings(bind, port, credentials, valueOf(env, "ADMIN_REGION", DEFAULT_REGION),
                apiStage, API_NAME);
    }

    public ControlPlaneSettings withPort(int value) {
        return new ControlPlaneSettings(bindAddress, value, credentials, region, apiStage, apiName);
    }

    private static String valueOf(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int portOf(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ADMIN_PORT must be a number, got '" + text + "'", e);
        }
    }
}
