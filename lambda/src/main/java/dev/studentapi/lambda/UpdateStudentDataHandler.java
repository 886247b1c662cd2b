package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.studentapi.functions.StudentFunctions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The updateStudentData function behind {@code PUT}, {@code PATCH} and {@code DELETE /students/{studentid}}:
 * replaces, merge-patches or deletes one student, honouring {@code If-Match}, each a conditional write.
 */
public final class UpdateStudentDataHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final LambdaComponents components;

    /** The constructor the Lambda runtime calls once per container. */
    public UpdateStudentDataHandler() {
        this(Container.COMPONENTS);
    }

    UpdateStudentDataHandler(LambdaComponents components) {
        this.components = components;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        StudentFunctions functions = components.functions();
        return ProxyExchange.handle(event, context, components.exchange(), GetStudentDataHandler.STUDENT_METHODS,
                request -> {
                    String id = request.pathParameter("studentid").orElse("");
                    Optional<String> ifMatch = request.header("If-Match");
                    String method = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
                    return switch (method) {
                        case "PUT" -> functions.replaceStudent(id, request.body(), ifMatch);
                        case "PATCH" -> functions.patchStudent(id, request.body(), ifMatch);
                        case "DELETE" -> functions.deleteStudent(id, ifMatch);
                        default -> functions.replies().methodNotAllowed(List.of("GET", "PUT", "PATCH", "DELETE"));
                    };
                });
    }
}
