package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.studentapi.functions.BackupFunctions;

import java.util.Optional;

/**
 * The listBackups function behind {@code GET /backups} (newest first, paged with {@code limit} and {@code cursor})
 * and {@code GET /backups/{name}} (its details and a fresh download link valid for an hour).
 */
public final class ListBackupsHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final LambdaComponents components;

    /** The constructor the Lambda runtime calls once per container. */
    public ListBackupsHandler() {
        this(Container.COMPONENTS);
    }

    ListBackupsHandler(LambdaComponents components) {
        this.components = components;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        BackupFunctions backups = components.backupFunctions();
        return ProxyExchange.handle(event, context, components.exchange(), "GET,OPTIONS",
                request -> request.pathParameter("name").map(backups::details)
                        .orElseGet(() -> backups.list(request.path(),
                                Optional.ofNullable(request.query().get("limit")),
                                Optional.ofNullable(request.query().get("cursor")))));
    }
}
