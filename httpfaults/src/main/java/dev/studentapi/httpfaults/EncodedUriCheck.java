package dev.studentapi.httpfaults;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses, before any route decodes it, a path or query whose percent escapes are not each {@code %} and two hex
 * digits (such as {@code %u002e}): 400 through the server's JSON error answers, instead of a decoder failing
 * inside routing.
 */
public final class EncodedUriCheck extends Handler.Wrapper {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpURI uri = request.getHttpURI();
        if (!wellEscaped(uri.getPath()) || !wellEscaped(uri.getQuery())) {
            throw new HttpException.RuntimeException(400, "Bad URI % encoding");
        }
        return super.handle(request, response, callback);
    }

    /** Whether every {@code %} in {@code text} (may be null) starts a two-hex-digit escape. */
    public static boolean wellEscaped(String text) {
        if (text == null) {
            return true;
        }
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
