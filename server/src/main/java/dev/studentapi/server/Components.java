package dev.studentapi.server;

import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.apikey.ApiKeyStore;
import dev.studentapi.core.apikey.KeyValueStorage;
import dev.studentapi.core.audit.AuditLog;
import dev.studentapi.core.audit.AuditTrail;
import dev.studentapi.core.backup.ObjectStore;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.core.gateway.GatewayBootstrap;
import dev.studentapi.core.lifecycle.KeyActivityStore;
import dev.studentapi.core.lifecycle.KeyActivityTracker;
import dev.studentapi.core.lifecycle.KeyLifecycle;
import dev.studentapi.core.schedule.TickLease;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.Throttle;
import dev.studentapi.core.usage.UsageCounter;
import dev.studentapi.core.usage.UsagePlanService;
import dev.studentapi.core.usage.UsagePlanStore;
import dev.studentapi.core.usage.UsageService;
import dev.studentapi.filesystem.DownloadResolver;
import dev.studentapi.functions.DataPlaneAssembly;
import dev.studentapi.functions.PageCursor;
import dev.studentapi.server.config.ApiKeyStorage;
import dev.studentapi.server.config.Engines;
import dev.studentapi.server.config.Settings;
import dev.studentapi.server.metrics.MeteredBucket;
import dev.studentapi.server.metrics.MeteredMailer;
import dev.studentapi.server.metrics.Metrics;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The composition root: builds every adapter and service from the settings, choosing each port's engine
 * ({@link Adapters}). Nothing else constructs adapters. The stores and the key, plan and usage services are
 * built at once; the limiter when usage is first read, the gateway (which first calls a shared limiter) and the
 * data plane (whose bucket may be created in S3, and its mailer) when first asked for, so that a console task
 * builds only what it uses.
 */
public final class Components implements AutoCloseable {

    /** The id of the one REST API this server is, as usage plans name it in their API stages. */
    public static final String API_ID = "student";

    public final Settings settings;
    public final ApiKeyService keys;
    public final UsagePlanService plans;
    public final UsageService usage;
    public final GatewayBootstrap bootstrap;
    public final TickLease tickLease;
    /** Key expiry and last use, as the gateway sees them; last uses are written behind by one thread. */
    public final KeyActivityTracker keyActivity;
    public final KeyLifecycle lifecycle;
    public final AuditTrail audit;
    /** The server's meters (only a serving process adds the JVM's and exposes them). */
    public final Metrics metrics = new Metrics();
    private final Adapters adapters;
    private final Stores stores;
    private final ApiKeyStorage.Mode keyStorage;
    private final KeyValueStorage keyValues;
    private final Supplier<URI> publicBaseUrl;
    private final Clock clock;
    private final List<AutoCloseable> resources;
    private Limits limits;
    private Gateway gateway;
    private DataPlane dataPlane;

    /**
     * The stores of the chosen engine: students, keys, plans, default usage counter, tick lease, key activity and
     * audit log.
     */
    record Stores(StudentStore students, ApiKeyStore keys, UsagePlanStore plans, UsageCounter counter,
                  TickLease ticks, KeyActivityStore activity, AuditLog audit) {}

    /** The token buckets and (when they are shared) the quota counter of the chosen limiter. */
    record Limits(Throttle throttle, Optional<UsageCounter> counter) {}

    /** The bucket, and the resolver of its links when this server serves them. */
    record Bucket(ObjectStore store, Optional<DownloadResolver> downloads) {}

    /** The data plane, and the resolver of its bucket's links when this server serves them. */
    private record DataPlane(DataPlaneAssembly assembly, Optional<DownloadResolver> downloads) {}

    /** With {@code migratingTo} empty, refuses a data directory kept in another API_KEY_STORAGE mode. */
    private Components(Settings settings, Adapters adapters, Supplier<URI> publicBaseUrl, Clock clock,
                       List<AutoCloseable> resources, Optional<ApiKeyStorage.Mode> migratingTo) {
        this.settings = settings;
        this.adapters = adapters;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
        this.resources = resources;
        this.stores = adapters.stores();
        this.keyStorage = migratingTo.orElse(settings.apiKeyStorage().mode());
        this.keyValues = ApiKeyValues.storage(settings, settings.apiKeyStorage().inMode(keyStorage));
        if (migratingTo.isEmpty()) {
            ApiKeyValues.requireSameMode(settings, stores.keys(), keyValues);
        }
        this.keys = new ApiKeyService(stores.keys(), clock, keyValues);
        this.plans = new UsagePlanService(stores.plans(), stores.keys(), new ApiStage(API_ID, settings.stage()));
        this.usage = new UsageService(stores.plans(), new DeferredUsageCounter(this::counter), clock);
        this.bootstrap = new GatewayBootstrap(keys, plans);
        this.tickLease = stores.ticks();
        this.keyActivity = writtenBehind(stores.activity(), resources);
        this.lifecycle = new KeyLifecycle(keys, plans, stores.activity(), keyActivity, clock);
        this.audit = new AuditTrail(stores.audit(), stores.keys(), stores.plans(), usage, stores.activity(), clock);
    }

    /**
     * A tracker whose last uses are written by one daemon thread; closing writes what is still in memory, before
     * the stores close (resources close in reverse order).
     */
    private static KeyActivityTracker writtenBehind(KeyActivityStore store, List<AutoCloseable> resources) {
        ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "key-last-used-writer");
            thread.setDaemon(true);
            return thread;
        });
        KeyActivityTracker tracker = new KeyActivityTracker(store, writer);
        resources.add(() -> {
            writer.shutdown();
            writer.awaitTermination(5, TimeUnit.SECONDS);
            tracker.flush();
        });
        return tracker;
    }

    /**
     * Builds the stores and the services over them; {@code publicBaseUrl} is asked for at link time, once the
     * port is known. A shared store that cannot be reached stops this with a message naming it.
     */
    public static Components build(Settings settings, Clock clock, Supplier<URI> publicBaseUrl) {
        return build(settings, clock, publicBaseUrl, Optional.empty());
    }

    /**
     * Components for {@code student-api keys migrate-storage}: they keep key values as {@code target} says and
     * do not refuse a data directory kept in the other mode; {@link #migrateKeyStorage()} switches it.
     */
    public static Components toMigrateKeyStorage(Settings settings, Clock clock, Supplier<URI> publicBaseUrl,
                                                 ApiKeyStorage.Mode target) {
        return build(settings, clock, publicBaseUrl, Optional.of(target));
    }

    private static Components build(Settings settings, Clock clock, Supplier<URI> publicBaseUrl,
                                    Optional<ApiKeyStorage.Mode> migratingTo) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return new Components(settings, new Adapters(settings, clock, resources), publicBaseUrl, clock,
                    resources, migratingTo);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Switches the data directory's keys to the mode these components were built for (see ApiKeyValues). */
    public ApiKeyValues.Migration migrateKeyStorage() {
        return ApiKeyValues.migrate(settings, stores.keys(), keyStorage, keyValues);
    }

    /** The gateway, built on first use; a shared limiter that cannot be reached stops this naming it. */
    public synchronized Gateway gateway() {
        if (gateway == null) {
            Limits built = limits();
            adapters.probe(built);
            gateway = new Gateway(new ApiStage(API_ID, settings.stage()), keys, stores.plans(), built.throttle(),
                    counter(), clock, keyActivity, settings.stageThrottle());
        }
        return gateway;
    }

    private synchronized Limits limits() {
        if (limits == null) {
            limits = adapters.limits();
        }
        return limits;
    }

    /** The quota counter: the shared limiter's when there is one, else the store's. */
    private UsageCounter counter() {
        return limits().counter().orElse(stores.counter());
    }

    /** The data-plane services and functions, built on first use with the bucket and the mailer. */
    public DataPlaneAssembly dataPlane() {
        return builtDataPlane().assembly();
    }

    /** Present when backups go to the local bucket folder, whose links this server signs and serves. */
    public Optional<DownloadResolver> downloads() {
        return builtDataPlane().downloads();
    }

    private synchronized DataPlane builtDataPlane() {
        if (dataPlane == null) {
            Bucket bucket = adapters.bucket(publicBaseUrl);
            DataPlaneAssembly assembly = DataPlaneAssembly.assemble(stores.students(),
                    new MeteredBucket(bucket.store(), metrics), new MeteredMailer(adapters.mailer(), metrics),
                    new DataPlaneAssembly.Mailing(settings.language(), settings.senderEmail(),
                            settings.recipientEmail()), clock, pageCursors(settings.dataDir().cursorSigningKey()),
                    settings.backupRetention());
            dataPlane = new DataPlane(assembly, bucket.downloads());
        }
        return dataPlane;
    }

    /**
     * Page cursors signed with the data directory's cursor key, created (32 random bytes, readable by the owner
     * only) on first use, so that every server on the directory, and a restarted one, continues the same pages.
     */
    private static PageCursor pageCursors(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.createDirectories(keyFile.getParent());
                Path written = Files.createTempFile(keyFile.getParent(), "cursor-signing", ".tmp");
                try {
                    if (Files.getFileStore(written).supportsFileAttributeView("posix")) {
                        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                    }
                    Files.writeString(written, Base64.getEncoder().encodeToString(secret));
                    Files.move(written, keyFile, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // another server created it first: use theirs
                } finally {
                    Files.deleteIfExists(written);
                }
            }
            return new PageCursor(Base64.getDecoder().decode(Files.readString(keyFile).strip()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read or create the page-cursor secret " + keyFile + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether each configured engine answers now: the store (a key lookup) and, when it is shared, the limiter;
     * the map names those that do not, with their problem (empty when all answer).
     */
    public Map<String, String> readiness() {
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            stores.keys().findById("-");
        } catch (RuntimeException e) {
            problems.put(settings.engines().store().name().toLowerCase(Locale.ROOT), String.valueOf(e.getMessage()));
        }
        if (settings.engines().limiter() == Engines.Limiter.REDIS) {
            try {
                adapters.probe(limits());
            } catch (RuntimeException e) {
                problems.put("redis", String.valueOf(e.getMessage()));
            }
        }
        return problems;
    }

    @Override
    public synchronized void close() {
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
