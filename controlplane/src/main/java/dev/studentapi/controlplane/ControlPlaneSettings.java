package dev.studentapi.controlplane;

import java.util.Objects;

/**
 * Where the control plane listens, whose signatures it accepts (and what each may do), the account it answers for
 * and the name of the API it describes. {@code region} is what clients are told to sign for and what ARNs name;
 * signatures for any region are accepted.
 */
public record ControlPlaneSettings(String bindAddress, int port, AdminCredentialSet credentials, String region,
                                   String apiName, String accountId) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_REGION = "us-east-1";
    /** The account id that error texts and ARNs name when none is set, as AWS's documentation examples do. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
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
        accountId = accountId == null || accountId.isBlank() ? DEFAULT_ACCOUNT_ID : accountId;
    }

    /** One all-powerful credential and the default account. */
    public ControlPlaneSettings(String bindAddress, int port, AdminCredentials credentials, String region,
                                String apiName) {
        this(bindAddress, port, AdminCredentialSet.of(credentials), region, apiName, DEFAULT_ACCOUNT_ID);
    }

    /** Loopback, port 8081, region us-east-1, API name {@code student}, one credential. */
    public static ControlPlaneSettings defaults(AdminCredentials credentials) {
        return defaults(AdminCredentialSet.of(credentials));
    }

    /** Loopback, port 8081, region us-east-1, API name {@code student}. */
    public static ControlPlaneSettings defaults(AdminCredentialSet credentials) {
        return new ControlPlaneSettings(DEFAULT_BIND, DEFAULT_PORT, credentials, DEFAULT_REGION, API_NAME,
                DEFAULT_ACCOUNT_ID);
    }

    public ControlPlaneSettings withPort(int value) {
        return new ControlPlaneSettings(bindAddress, value, credentials, region, apiName, accountId);
    }
}
