package dev.studentapi.server.http;

/** Names of values left on a request: by the gateway for the access log, by a route that answered itself. */
final class RequestAttributes {
    static final String REQUEST_ID = "requestId";
    static final String KEY_ID = "apiKeyId";
    /** Set when a route answered (a 404 of its own), so that the server's 404 answer does not replace it. */
    static final String ANSWERED = "answered";

    private RequestAttributes() {
    }
}
