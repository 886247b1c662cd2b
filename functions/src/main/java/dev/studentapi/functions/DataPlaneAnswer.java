package dev.studentapi.functions;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** A data-plane answer: a whole JSON body ({@link ApiResponse}) or a body written as a stream ({@link StreamedResponse}). */
public sealed interface DataPlaneAnswer permits ApiResponse, StreamedResponse {

    int status();

    /** Headers beyond Content-Type and CORS. */
    Map<String, String> headers();

    String contentType();

    /** Writes the body to {@code out}; a streamed body reads the store while it writes. */
    void writeBody(OutputStream out) throws IOException;
}
