package dev.studentapi.controlplane.console;

import java.net.URI;

/**
 * How the console's session cookie is sent: with {@code Secure} on every response when the product is published
 * over https ({@code PUBLIC_BASE_URL}), else only on responses to requests that came over https.
 */
public record ConsoleOptions(boolean alwaysSecureCookie) {

    /** Plain-HTTP defaults: {@code Secure} only for requests over https. */
    public static ConsoleOptions plainHttp() {
        return new ConsoleOptions(false);
    }

    public static ConsoleOptions publishedAt(URI publicBaseUrl) {
        return new ConsoleOptions("https".equalsIgnoreCase(publicBaseUrl.getScheme()));
    }
}
