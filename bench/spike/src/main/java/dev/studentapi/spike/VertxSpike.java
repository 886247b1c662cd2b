package dev.studentapi.spike;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Candidate (c): Vert.x 5's core HTTP server on one event loop per core, answering on the loop; with a fourth
 * argument {@code blocking} each request is answered from Vert.x's worker pool ({@code executeBlocking}), as a
 * handler that waits for its store must be.
 */
public final class VertxSpike {

    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence CSP = HttpHeaders.createOptimized(Answer.CSP);
    private static final CharSequence STAR = HttpHeaders.createOptimized("*");
    private static final CharSequence EXPOSE = HttpHeaders.createOptimized(
            "Retry-After,x-amzn-ErrorType,x-amzn-RequestId");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private VertxSpike() {
    }

    public static void main(String[] args) throws Exception {
        Answer answer = Answer.fromArgs(args);
        Buffer students = Buffer.buffer(answer.students());
        Buffer forbidden = Buffer.buffer(Answer.FORBIDDEN);
        CharSequence contentLength = HttpHeaders.createOptimized(Integer.toString(answer.students().length));
        String prefix = Long.toString(System.currentTimeMillis(), 36) + "-";
        AtomicLong ids = new AtomicLong();
        boolean blocking = args.length > 3 && args[3].equals("blocking");
        Vertx vertx = Vertx.vertx();
        int loops = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < loops; i++) {
            vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(answer.port()))
                    .requestHandler(request -> {
                        if (blocking) {
                            vertx.executeBlocking(() -> {
                                answer(request, answer, students, forbidden, contentLength, prefix, ids);
                                return null;
                            }, false);
                        } else {
                            answer(request, answer, students, forbidden, contentLength, prefix, ids);
                        }
                    }).listen().await();
        }
        System.out.println("vertx ready on " + answer.port() + " with " + loops + " event loops"
                + (blocking ? ", answering from the worker pool" : ""));
    }

    private static void answer(HttpServerRequest request, Answer answer, Buffer students, Buffer forbidden,
                               CharSequence contentLength, String prefix, AtomicLong ids) {
        MultiMap headers = request.response().headers();
        headers.add("x-amzn-RequestId", prefix + ids.incrementAndGet());
        headers.add("X-Content-Type-Options", NOSNIFF);
        headers.add("Referrer-Policy", NO_REFERRER);
        headers.add("Content-Security-Policy", CSP);
        headers.add("Access-Control-Allow-Origin", STAR);
        headers.add("Access-Control-Expose-Headers", EXPOSE);
        headers.add(HttpHeaders.CONTENT_TYPE, JSON);
        if (!"/prod/students".equals(request.path())) {
            request.response().setStatusCode(404).end();
        } else if (!answer.key().equals(request.getHeader("x-api-key"))) {
            headers.add("x-amzn-ErrorType", "ForbiddenException");
            request.response().setStatusCode(403).end(forbidden);
        } else {
            headers.add(HttpHeaders.CONTENT_LENGTH, contentLength);
            request.response().end(students);
        }
    }
}
