package dev.studentapi.server.http;

/** Names of values that the gateway leaves on a request for the access log. */
final class RequestAttributes {
    static final String REQUEST_ID = "requestId";
    static final String KEY_ID = "apiKeyId";

    private RequestAttributes() {
    }
}
