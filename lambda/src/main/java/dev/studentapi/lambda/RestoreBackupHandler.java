package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.Optional;

/**
 * The restoreBackup function behind {@code POST /backups/{name}/restore?mode=merge|replace&confirm=<name>}: a
 * safety backup of the table first, then the merge or the replacement, answering the counts and the safety
 * backup's name. On DynamoDB the writes go in batches, not one transaction (see DynamoDbStudentStore).
 */
public final class RestoreBackupHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final LambdaComponents components;

    /** The constructor the Lambda runtime calls once per container. */
    public RestoreBackupHandler() {
        this(Container.COMPONENTS);
    }

    RestoreBackupHandler(LambdaComponents components) {
        this.components = components;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ProxyExchange.handle(event, context, components.exchange(), "POST,OPTIONS",
                request -> components.backupFunctions().restore(request.pathParameter("name").orElse(""),
                        Optional.ofNullable(request.query().get("mode")),
                        Optional.ofNullable(request.query().get("confirm"))));
    }
}
