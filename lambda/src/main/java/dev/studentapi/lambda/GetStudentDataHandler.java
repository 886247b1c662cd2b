package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** The getStudentData function behind {@code GET /students} and {@code GET /}: every student, ordered by id. */
public final class GetStudentDataHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final LambdaComponents components;

    /** The constructor the Lambda runtime calls once per container. */
    public GetStudentDataHandler() {
        this(Container.COMPONENTS);
    }

    GetStudentDataHandler(LambdaComponents components) {
        this.components = components;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ProxyExchange.handle(event, context, components.cors(), components.functions().replies(),
                body -> components.functions().listStudents());
    }
}
