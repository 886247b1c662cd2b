package dev.studentapi.server;

import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.ApiKeyStore;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.core.gateway.GatewayBootstrap;
import dev.studentapi.core.mail.EmailTemplates;
import dev.studentapi.core.mail.Mailer;
import dev.studentapi.core.schedule.TickLease;
import dev.studentapi.core.student.StudentService;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.core.student.StudentValidator;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.Throttle;
import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.core.usage.UsagePlanService;
import dev.studentapi.core.usage.UsagePlanStore;
import dev.studentapi.core.usage.UsageService;
import dev.studentapi.filesystem.DownloadResolver;
import dev.studentapi.functions.JsonSnapshotFormat;
import dev.studentapi.functions.StudentFunctions;
import dev.studentapi.server.config.Settings;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The composition root: builds every adapter and service from the settings, choosing each port's engine
 * ({@link Adapters}). Nothing else constructs adapters.
 */
public final class Components implements AutoCloseable {

    /** The id of the one REST API this server is, as usage plans name it in their API stages. */
    public static final String API_ID = "student";

    public final Settings settings;
    public final ApiKeyService keys;
    public final UsagePlanService plans;
    public final UsageService usage;
    public final Gateway gateway;
    public final GatewayBootstrap bootstrap;
    public final StudentFunctions functions;
    public final BackupService backups;
    public final TickLease tickLease;
    /** Present when backups go to the local bucket folder, whose links this server signs and serves. */
    public final Optional<DownloadResolver> downloads;
    private final List<AutoCloseable> resources;

    /** The stores of the chosen engine: students, keys, plans, default usage counter and tick lease. */
    record Stores(StudentStore students, ApiKeyStore keys, UsagePlanStore plans, UsageCounter counter,
                  TickLease ticks) {}

    /** The token buckets and (when they are shared) the quota counter of the chosen limiter. */
    record Limits(Throttle throttle, Optional<UsageCounter> counter) {}

    /** The bucket, and the resolver of its links when this server serves them. */
    record Bucket(ObjectStore store, Optional<DownloadResolver> downloads) {}

    private Components(Settings settings, Stores stores, Limits limits, Bucket bucket, Mailer mailer, Clock clock,
                       List<AutoCloseable> resources) {
        this.settings = settings;
        this.resources = resources;
        UsageCounter counter = limits.counter().orElse(stores.counter());
        this.keys = new ApiKeyService(stores.keys(), clock);
        this.plans = new UsagePlanService(stores.plans(), stores.keys(), new ApiStage(API_ID, settings.stage()));
        this.usage = new UsageService(stores.plans(), counter, clock);
        this.gateway = new Gateway(new ApiStage(API_ID, settings.stage()), keys, stores.plans(), limits.throttle(),
                counter, clock);
        this.bootstrap = new GatewayBootstrap(keys, plans);
        var templates = new EmailTemplates(settings.language(), settings.senderEmail());
        var students = new StudentService(stores.students(), new StudentValidator(clock), mailer, templates);
        this.backups = new BackupService(stores.students(), bucket.store(), new JsonSnapshotFormat(), mailer,
                templates, settings.recipientEmail(), clock);
        this.functions = new StudentFunctions(students, backups, settings.language());
        this.tickLease = stores.ticks();
        this.downloads = bucket.downloads();
    }

    /**
     * Builds everything; {@code publicBaseUrl} is asked for at link time, once the port is known. A shared
     * engine that cannot be reached stops this with a message naming it.
     */
    public static Components build(Settings settings, Clock clock, Supplier<URI> publicBaseUrl) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Adapters engines = new Adapters(settings, clock, resources);
            return new Components(settings, engines.stores(), engines.limits(), engines.bucket(publicBaseUrl),
                    engines.mailer(), clock, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // closing the rest matters more than one engine's farewell
            }
        }
        resources.clear();
    }
}
