package dev.studentapi.server.http;

/** Names of values left on a request: its id, for the access log and the error answers' log lines. */
final class RequestAttributes {
    static final String REQUEST_ID = "requestId";

    private RequestAttributes() {
    }
}
