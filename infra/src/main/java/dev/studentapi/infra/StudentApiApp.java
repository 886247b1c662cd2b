package dev.studentapi.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;

import java.nio.file.Path;

/**
 * The CDK app: synthesises {@link StudentApiStack} into {@code CDK_OUTDIR} (set by the cdk CLI) or
 * {@code cdk.out}, with the assets from the context values {@code functionCode} and {@code webPage} when given.
 */
public final class StudentApiApp {

    /** The stack's name in CloudFormation. */
    public static final String STACK_NAME = "StudentApiStack";

    private StudentApiApp() {
    }

    public static void main(String[] args) {
        synthesize(Path.of(System.getenv().getOrDefault("CDK_OUTDIR", "cdk.out")), null);
    }

    /**
     * Synthesises the app into {@code outdir}; {@code assets} null means the context values or the defaults
     * (the lambda module's jar and the web module's page, relative to {@code infra/}).
     */
    public static CloudAssembly synthesize(Path outdir, StackAssets assets) {
        App app = App.Builder.create().outdir(outdir.toString()).build();
        StackAssets chosen = assets != null ? assets : new StackAssets(
                path(app, "functionCode", StackAssets.DEFAULT_FUNCTION_CODE),
                path(app, "webPage", StackAssets.DEFAULT_WEB_PAGE));
        new StudentApiStack(app, STACK_NAME, StackProps.builder()
                .description("Student Records API: the serverless reference system").build(), chosen);
        return app.synth();
    }

    private static Path path(App app, String contextKey, Path fallback) {
        Object value = app.getNode().tryGetContext(contextKey);
        return value == null ? fallback : Path.of(value.toString());
    }
}
