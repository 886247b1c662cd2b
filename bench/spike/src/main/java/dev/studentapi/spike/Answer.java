package dev.studentapi.spike;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every spike server answers: the 20 students' JSON, behind the key, with the product's response headers. */
record Answer(int port, String key, byte[] students) {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src *; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final byte[] FORBIDDEN = "{\"message\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8);

    /** {@code <port> <key> <students.json>}. */
    static Answer fromArgs(String[] args) throws IOException {
        return new Answer(Integer.parseInt(args[0]), args[1], Files.readAllBytes(Path.of(args[2])));
    }
}
