package dev.studentapi.controlplane;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Optional;

/**
 * The before-step after authentication: the request's {@link Caller} must hold a credential whose allow list
 * permits {@code apigateway:<METHOD>} on {@code arn:aws:apigateway:<region>::<path>}, else 403
 * AccessDeniedException in IAM's words. A request without a caller has not been authenticated and is left to
 * the authentication step.
 */
final class PermissionFilter implements Handler {
    private final AdminCredentialSet credentials;
    private final String region;
    private final String accountId;

    PermissionFilter(AdminCredentialSet credentials, String region, String accountId) {
        this.credentials = credentials;
        this.region = region;
        this.accountId = accountId;
    }

    @Override
    public void handle(Context ctx) {
        Optional<Caller> caller = Caller.of(ctx);
        if (caller.isEmpty()) {
            return;
        }
        String action = "apigateway:" + ctx.method().name();
        String resource = "arn:aws:apigateway:" + region + "::" + ctx.path();
        Optional<AdminCredentials> credential = credentials.find(caller.get().accessKeyId());
        if (credential.isEmpty() || !credential.get().allows(action, resource)) {
            String user = credential.map(AdminCredentials::name).orElse(caller.get().accessKeyId());
            throw new AccessDenied("User: arn:aws:iam::" + accountId + ":user/" + user
                    + " is not authorized to perform: " + action + " on resource: " + resource);
        }
    }
}
