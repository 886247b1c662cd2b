package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * The BackupDynamoDBAndSendEmail function behind {@code POST /backup} and the daily schedule: snapshots the
 * table into the backup bucket and e-mails the download link. A scheduler event (no {@code httpMethod}) runs
 * the same backup; its outcome goes to the log without the link, since nobody reads the response.
 */
public final class BackupDynamoDBAndSendEmailHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final LambdaComponents components;

    /** The constructor the Lambda runtime calls once per container. */
    public BackupDynamoDBAndSendEmailHandler() {
        this(Container.COMPONENTS);
    }

    BackupDynamoDBAndSendEmailHandler(LambdaComponents components) {
        this.components = components;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        APIGatewayProxyResponseEvent response = ProxyExchange.handle(event, context, components.cors(),
                components.functions().replies(), body -> components.functions().backup());
        if (event.getHttpMethod() == null && context != null) {
            context.getLogger().log("Scheduled backup finished with status " + response.getStatusCode());
        }
        return response;
    }
}
