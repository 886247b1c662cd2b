package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import org.crac.Core;

/**
 * Run in a fresh JVM by {@link ColdStartTest}: constructs a handler as the Lambda runtime does (running the static
 * initialisation from the process environment), then invokes it twice, and prints the times as one line. With the
 * argument {@code primed} it first runs the SnapStart priming, as the runtime does before the snapshot, through the
 * JVM's checkpoint context, and adds its time.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        APIGatewayProxyRequestEvent event = ProxyEvents.load("get-students.json");
        long started = System.nanoTime();
        GetStudentDataHandler handler = new GetStudentDataHandler();
        long constructed = System.nanoTime();
        long primingMs = -1;
        if (args.length > 0 && args[0].equals("primed")) {
            Container.PRIMING.beforeCheckpoint(Core.getGlobalContext());
            long primed = System.nanoTime();
            primingMs = (primed - constructed) / 1_000_000;
            constructed = primed;
        }
        int status = handler.handleRequest(event, null).getStatusCode();
        long first = System.nanoTime();
        handler.handleRequest(event, null);
        long warm = System.nanoTime();
        System.out.printf("status=%d staticInitMs=%d handlerMs=%d firstInvocationMs=%d warmInvocationMs=%d"
                        + " primingMs=%d%n", status, Container.INITIALISATION.toMillis(),
                (constructed - started) / 1_000_000 - Math.max(primingMs, 0), (first - constructed) / 1_000_000,
                (warm - first) / 1_000_000, primingMs);
    }
}
