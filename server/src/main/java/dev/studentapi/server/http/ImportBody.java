package dev.studentapi.server.http;

import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.ImportRequest;
import dev.studentapi.functions.StudentFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The body of an import, spooled to a temporary file as it arrives (so that the import can read it twice without
 * holding it), cut off with 413 past its limit also when it came without a length, and deleted afterwards.
 */
final class ImportBody {

    private ImportBody() {
    }

    static ApiResponse importFrom(Exchange exchange, StudentFunctions functions, long maxBytes) throws IOException {
        Path spool = Files.createTempFile("student-import-", ".body");
        try {
            if (!copy(exchange.bodyStream(), spool, maxBytes)) {
                exchange.header("Connection", "close");
                return functions.replies().payloadTooLarge();
            }
            Map<String, String> query = exchange.queryFirstValues();
            return functions.importStudents(new ImportRequest(Optional.ofNullable(exchange.header("Content-Type")),
                    query, () -> Files.newInputStream(spool)));
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Copies at most {@code maxBytes}; false when the body is longer. */
    private static boolean copy(InputStream body, Path spool, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = body; OutputStream out = Files.newOutputStream(spool)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > maxBytes) {
                    return false;
                }
                out.write(buffer, 0, read);
            }
        }
        return true;
    }
}
