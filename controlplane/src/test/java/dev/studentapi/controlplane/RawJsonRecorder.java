package dev.studentapi.controlplane;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** An SDK interceptor that keeps the raw body of the last response, so that tests can compare the wire JSON. */
final class RawJsonRecorder implements ExecutionInterceptor {
    private volatile String last;

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty()) {
            return body;
        }
        try (InputStream in = body.get()) {
            byte[] bytes = in.readAllBytes();
            last = new String(bytes, StandardCharsets.UTF_8);
            return Optional.of(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void reset() {
        last = null;
    }

    /** The last response body, or null when there was none. */
    String last() {
        return last;
    }
}
