package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * The insertStudentData function behind {@code POST /students} and {@code POST /}: validates and stores one
 * student (either body shape), then sends the confirmation e-mail.
 */
public final class InsertStudentDataHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final LambdaComponents components;

    /** The constructor the Lambda runtime calls once per container. */
    public InsertStudentDataHandler() {
        this(Container.COMPONENTS);
    }

    InsertStudentDataHandler(LambdaComponents components) {
        this.components = components;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ProxyExchange.handle(event, context, components.cors(), components.functions().replies(),
                components.functions()::insertStudent);
    }
}
