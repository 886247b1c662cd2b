package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.studentapi.functions.DataPlaneAnswer;
import dev.studentapi.functions.ListRequest;

/**
 * The getStudentData function behind {@code GET /students} and {@code GET /}: every student ordered by id, or with
 * {@code limit}, {@code cursor}, {@code class}, {@code q} a page or a filtered list, or CSV ({@code format=csv},
 * {@code Accept: text/csv}); and behind {@code GET /students/{studentid}}: one student with its ETag.
 */
public final class GetStudentDataHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String LIST_METHODS = "GET,POST,OPTIONS";
    static final String STUDENT_METHODS = "GET,PUT,PATCH,DELETE,OPTIONS";

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
        boolean one = event.getPathParameters() != null && event.getPathParameters().containsKey("studentid");
        return ProxyExchange.handle(event, context, components.exchange(), one ? STUDENT_METHODS : LIST_METHODS,
                request -> request.pathParameter("studentid")
                        .<DataPlaneAnswer>map(id -> components.functions().getStudent(id))
                        .orElseGet(() -> components.functions().listStudents(
                                new ListRequest(request.path(), request.query(), request.header("Accept")))));
    }
}
