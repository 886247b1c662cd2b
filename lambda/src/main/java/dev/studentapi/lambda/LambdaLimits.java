package dev.studentapi.lambda;

import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;
import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.DataPlaneAnswer;
import dev.studentapi.functions.DataPlaneReplies;
import dev.studentapi.functions.ErrorCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Lambda's 6 MB payload limit of a synchronous invocation (6,291,456 bytes of event or response JSON), which
 * bounds an import's body and every answer's body on Lambda, unlike the server's 100 MiB import and streamed
 * export.
 */
final class LambdaLimits {

    /** Lambda's limit of a synchronous request or response payload. */
    static final int INVOCATION_BYTES = 6 * 1024 * 1024;
    /** The largest request body a function accepts: Lambda's limit (a larger one is refused before it arrives). */
    static final int REQUEST_BYTES = INVOCATION_BYTES;
    /** The largest answer body, as escaped into the response JSON, leaving room for the status and headers. */
    static final int RESPONSE_BYTES = INVOCATION_BYTES - 64 * 1024;

    private LambdaLimits() {
    }

    /** A body that would not fit into the response payload. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the answer exceeds " + RESPONSE_BYTES + " bytes");
        }
    }

    /** The body of {@code answer}, a streamed one written into memory; {@link TooLarge} beyond the limit. */
    static byte[] render(DataPlaneAnswer answer) throws IOException {
        if (answer instanceof ApiResponse whole) {
            if (escapedLength(whole.body(), whole.body().length) > RESPONSE_BYTES) {
                throw new TooLarge();
            }
            return whole.body();
        }
        Capped out = new Capped(RESPONSE_BYTES);
        answer.writeBody(out);
        return out.toByteArray();
    }

    /** 400 RESPONSE_TOO_LARGE: the answer would not fit; pages or filters would. */
    static ApiResponse responseTooLarge(DataPlaneReplies replies, Language language) {
        return replies.error(400, ErrorCode.RESPONSE_TOO_LARGE,
                Text.RESPONSE_TOO_LARGE.in(language, INVOCATION_BYTES / (1024 * 1024)));
    }

    /** How long {@code bytes} become as a JSON string: quotes, backslashes and control characters get escaped. */
    static long escapedLength(byte[] bytes, int length) {
        long escaped = length;
        for (int i = 0; i < length; i++) {
            escaped += extra(bytes[i]);
        }
        return escaped;
    }

    private static int extra(int b) {
        if (b == '"' || b == '\\' || b == '\n' || b == '\r' || b == '\t' || b == '\b' || b == '\f') {
            return 1;
        }
        return b >= 0 && b < 0x20 ? 5 : 0;
    }

    /** Collects a streamed body, failing with {@link TooLarge} as soon as its escaped length passes the limit. */
    private static final class Capped extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long limit;
        private long escaped;

        Capped(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            count(1 + extra((byte) b));
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            long more = len;
            for (int i = off; i < off + len; i++) {
                more += extra(b[i]);
            }
            count(more);
            bytes.write(b, off, len);
        }

        private void count(long more) throws TooLarge {
            escaped += more;
            if (escaped > limit) {
                throw new TooLarge();
            }
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
