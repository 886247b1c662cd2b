package dev.studentapi.spike;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;

import java.util.concurrent.atomic.AtomicLong;

/** Candidate (c): Vert.x 5's core HTTP server on one event loop per core, answering on the loop. */
public final class VertxSpike {

    private VertxSpike() {
    }

    public static void main(String[] args) throws Exception {
        Answer answer = Answer.fromArgs(args);
        Buffer students = Buffer.buffer(answer.students());
        Buffer forbidden = Buffer.buffer(Answer.FORBIDDEN);
        CharSequence contentLength = HttpHeaders.createOptimized(Integer.toString(answer.students().length));
        CharSequence nosniff = HttpHeaders.createOptimized("nosniff");
        CharSequence noReferrer = HttpHeaders.createOptimized("no-referrer");
        CharSequence csp = HttpHeaders.createOptimized(Answer.CSP);
        CharSequence star = HttpHeaders.createOptimized("*");
        CharSequence expose = HttpHeaders.createOptimized("Retry-After,x-amzn-ErrorType,x-amzn-RequestId");
        CharSequence json = HttpHeaders.createOptimized("application/json");
        String prefix = Long.toString(System.currentTimeMillis(), 36) + "-";
        AtomicLong ids = new AtomicLong();
        Vertx vertx = Vertx.vertx();
        int loops = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < loops; i++) {
            vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(answer.port()))
                    .requestHandler(request -> {
                        MultiMap headers = request.response().headers();
                        headers.add("x-amzn-RequestId", prefix + ids.incrementAndGet());
                        headers.add("X-Content-Type-Options", nosniff);
                        headers.add("Referrer-Policy", noReferrer);
                        headers.add("Content-Security-Policy", csp);
                        headers.add("Access-Control-Allow-Origin", star);
                        headers.add("Access-Control-Expose-Headers", expose);
                        headers.add(HttpHeaders.CONTENT_TYPE, json);
                        if (!"/prod/students".equals(request.path())) {
                            request.response().setStatusCode(404).end();
                        } else if (!answer.key().equals(request.getHeader("x-api-key"))) {
                            headers.add("x-amzn-ErrorType", "ForbiddenException");
                            request.response().setStatusCode(403).end(forbidden);
                        } else {
                            headers.add(HttpHeaders.CONTENT_LENGTH, contentLength);
                            request.response().end(students);
                        }
                    }).listen().await();
        }
        System.out.println("vertx ready on " + answer.port() + " with " + loops + " event loops");
    }
}
