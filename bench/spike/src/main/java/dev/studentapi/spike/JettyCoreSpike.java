package dev.studentapi.spike;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Candidate (b): a Jetty 12 core {@code Handler}, no servlets. With a fourth argument {@code blocking} the handler
 * declares itself blocking (as the product's must: its routes wait for the store), so that Jetty runs it on a pool
 * thread rather than on the thread that read the request.
 */
public final class JettyCoreSpike {

    private JettyCoreSpike() {
    }

    public static void main(String[] args) throws Exception {
        Answer answer = Answer.fromArgs(args);
        List<HttpField> fixed = List.of(new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
                new PreEncodedHttpField("Referrer-Policy", "no-referrer"),
                new PreEncodedHttpField("Content-Security-Policy", Answer.CSP),
                new PreEncodedHttpField("Access-Control-Allow-Origin", "*"),
                new PreEncodedHttpField("Access-Control-Expose-Headers",
                        "Retry-After,x-amzn-ErrorType,x-amzn-RequestId"),
                new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        String prefix = Long.toString(System.currentTimeMillis(), 36) + "-";
        AtomicLong ids = new AtomicLong();
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        // -Dspike.reservedThreads=N: how many idle threads Jetty keeps reserved to take over the selector (-1: its
        // heuristic; 0: none, so that a blocking request always queues for a pool thread)
        threads.setReservedThreads(Integer.getInteger("spike.reservedThreads", -1));
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory());
        connector.setHost("127.0.0.1");
        connector.setPort(answer.port());
        server.addConnector(connector);
        boolean blocking = args.length > 3 && args[3].equals("blocking");
        server.setHandler(new Handler.Abstract(blocking ? InvocationType.BLOCKING : InvocationType.NON_BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                HttpFields.Mutable headers = response.getHeaders();
                headers.add("x-amzn-RequestId", prefix + ids.incrementAndGet());
                for (HttpField field : fixed) {
                    headers.add(field);
                }
                if (!"/prod/students".equals(Request.getPathInContext(request))) {
                    response.setStatus(404);
                    callback.succeeded();
                    return true;
                }
                if (!answer.key().equals(request.getHeaders().get("x-api-key"))) {
                    response.setStatus(403);
                    headers.add("x-amzn-ErrorType", "ForbiddenException");
                    response.write(true, ByteBuffer.wrap(Answer.FORBIDDEN), callback);
                    return true;
                }
                response.setStatus(200);
                headers.add(HttpHeader.CONTENT_LENGTH, Integer.toString(answer.students().length));
                response.write(true, ByteBuffer.wrap(answer.students()), callback);
                return true;
            }
        });
        server.start();
        System.out.println("jetty-core ready on " + answer.port() + (blocking ? ", blocking" : ""));
        server.join();
    }
}
