package dev.studentapi.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3.1 document of the data plane (every route, parameter, body, status and error code, and the
 * {@code x-api-key} scheme), kept as a resource beside the functions; tests keep it equal to the route table.
 */
public final class OpenApiDocument {

    private static final String RESOURCE = "openapi.json";
    private static final String STAGE_SERVER = "\"url\": \"/prod\"";

    private OpenApiDocument() {
    }

    /** The document as it is stored, for the stage {@code prod}. */
    public static String text() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document with its server at {@code /stage}. */
    public static byte[] forStage(String stage) {
        return text().replace(STAGE_SERVER, "\"url\": \"/" + stage + "\"").getBytes(StandardCharsets.UTF_8);
    }
}
