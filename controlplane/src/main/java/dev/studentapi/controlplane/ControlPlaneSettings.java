package dev.studentapi.controlplane;

import java.util.Objects;

/**
 * Where the control plane listens, whose signatures it accepts, and the name of the API it describes.
 * {@code region} is only what clients are told to sign for; signatures for any region are accepted.
 */
public record ControlPlaneSettings(String bindAddress, int port, AdminCredentials credentials, String region,
                                   String apiName) {

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
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        apiName = apiName == null || apiName.isBlank() ? API_NAME : apiName;
    }

    /** Loopback, port 8081, region us-east-1, API name {@code student}. */
    public static ControlPlaneSettings defaults(AdminCredentials credentials) {
        return new ControlPlaneSettings(DEFAULT_BIND, DEFAULT_PORT, credentials, DEFAULT_REGION, API_NAME);
    }

    public ControlPlaneSettings withPort(int value) {
        return new ControlPlaneSettings(bindAddress, value, credentials, region, apiName);
    }
}
