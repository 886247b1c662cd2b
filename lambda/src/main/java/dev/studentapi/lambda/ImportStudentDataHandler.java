package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.studentapi.functions.ImportRequest;

import java.io.ByteArrayInputStream;

/**
 * The importStudentData function behind {@code POST /students/import}: a CSV or JSON array of students, all or
 * nothing, then one summary e-mail. Its body is bounded by Lambda's 6 MB payload: 413 PAYLOAD_TOO_LARGE above it
 * (the server takes up to 100 MiB).
 */
public final class ImportStudentDataHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final LambdaComponents components;

    /** The constructor the Lambda runtime calls once per container. */
    public ImportStudentDataHandler() {
        this(Container.COMPONENTS);
    }

    ImportStudentDataHandler(LambdaComponents components) {
        this.components = components;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ProxyExchange.handle(event, context, components.exchange(), "POST,OPTIONS", request -> {
            if (request.body().length > LambdaLimits.REQUEST_BYTES) {
                return components.functions().replies().payloadTooLarge();
            }
            return components.functions().importStudents(new ImportRequest(request.header("Content-Type"),
                    request.query(), () -> new ByteArrayInputStream(request.body())));
        });
    }
}
