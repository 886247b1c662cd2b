package dev.studentapi.infra;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the stack takes its two assets from: the functions' code (the shaded Lambda jar, or any directory in
 * tests) and the folder of the web page.
 */
public record StackAssets(Path functionCode, Path webPage) {

    /** The lambda module's jar, relative to {@code infra/}. */
    public static final Path DEFAULT_FUNCTION_CODE = Path.of("..", "lambda", "target", "student-api-lambda.jar");

    /** The web module's page, relative to {@code infra/}. */
    public static final Path DEFAULT_WEB_PAGE = Path.of("..", "web", "src", "main", "resources", "public");

    public StackAssets {
        Objects.requireNonNull(functionCode, "functionCode");
        Objects.requireNonNull(webPage, "webPage");
    }
}
