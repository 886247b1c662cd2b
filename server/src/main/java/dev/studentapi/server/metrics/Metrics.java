package dev.studentapi.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's meters, in Micrometer's Prometheus registry: requests by route, method and status with a latency
 * histogram per route, gateway refusals by reason, quota charges, backups (count, duration, bytes), mails sent
 * and failed, store errors, and the JVM's. {@link #scrape()} is the text {@code GET /metrics} answers.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter quotaCharges = Counter.builder("studentapi.gateway.quota.charges")
            .description("Requests admitted and charged to a plan's quota").register(registry);
    private final Counter storeErrors = Counter.builder("studentapi.store.errors")
            .description("Requests answered 503 because a store could not be reached").register(registry);
    private final DistributionSummary backupBytes = DistributionSummary.builder("studentapi.backup.size")
            .baseUnit("bytes").description("Size of each stored backup").register(registry);
    /** The request timers made so far, by route, method and status: a request finds its timer with one lookup. */
    private final ConcurrentHashMap<RequestKind, Timer> requestTimers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> refusalCounters = new ConcurrentHashMap<>();
    private JvmGcMetrics gc;

    private record RequestKind(String route, String method, int status) {
    }

    /** Adds the JVM's meters (memory, garbage collection, threads, classes, CPU, uptime): for a serving process. */
    public synchronized void bindJvm() {
        if (gc != null) {
            return;
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** One answered data-plane request: {@code route} is the matched route's template ("unmatched" if none). */
    public void request(String route, String method, int status, long nanos) {
        requestTimers.computeIfAbsent(new RequestKind(route, method, status), this::requestTimer)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer requestTimer(RequestKind kind) {
        return Timer.builder("studentapi.http.requests").description("Data-plane requests by route, method and status")
                .tags("route", kind.route(), "method", kind.method(), "status", Integer.toString(kind.status()))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    /** A request the gateway refused: forbidden, throttled, quota_exceeded or too_many_failures. */
    public void refusal(String reason) {
        refusalCounters.computeIfAbsent(reason, r -> Counter.builder("studentapi.gateway.refusals")
                .description("Requests the gateway refused, by reason").tag("reason", r).register(registry))
                .increment();
    }

    public void quotaCharge() {
        quotaCharges.increment();
    }

    public void storeError() {
        storeErrors.increment();
    }

    /** A backup stored ({@code bytes} present) or failed, and how long its writing took. */
    public void backup(boolean stored, long bytes, long nanos) {
        Timer.builder("studentapi.backups").description("Backups written, by outcome")
                .tag("outcome", stored ? "stored" : "failed").register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (stored) {
            backupBytes.record(bytes);
        }
    }

    /** An e-mail sent or failed. */
    public void mail(boolean sent) {
        Counter.builder("studentapi.mails").description("E-mails, by outcome")
                .tag("outcome", sent ? "sent" : "failed").register(registry).increment();
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }
}
