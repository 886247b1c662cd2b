package dev.studentapi.bench;

import dev.studentapi.core.apikey.IssuedApiKey;
import dev.studentapi.core.apikey.KeyHash;
import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.functions.ApiResponse;
import dev.studentapi.functions.StudentFunctions;
import dev.studentapi.ratelimit.LocalThrottle;
import dev.studentapi.server.Components;
import dev.studentapi.server.config.Settings;
import dev.studentapi.sqlite.SqliteDatabase;
import dev.studentapi.sqlite.SqliteUsageCounter;
import dev.studentapi.sqlite.SqliteUsagePlanStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What one authenticated {@code GET /prod/students} costs inside the server, part by part, with the embedded
 * SQLite stores the server uses by default: the whole gateway decision and each of its steps (key hash, key
 * lookup, the key's usage plans, throttle, quota charge), and the listing of 20 students as JSON. The HTTP layer
 * (Jetty, Javalin, access log) is what the wrk figures add on top.
 *
 * <p>Built by the composition root ({@link Components#build}) from the same settings the server reads, on a fresh
 * data directory, so it measures the code the server runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DataPlaneBenchmark {

    private Path dataDir;
    private Components components;
    private Gateway gateway;
    private StudentFunctions functions;
    private SqliteDatabase second;
    private SqliteUsagePlanStore planStore;
    private SqliteUsageCounter counter;
    private LocalThrottle throttle;
    private String keyValue;
    private String keyId;
    private UsagePlan plan;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("student-api-jmh");
        Settings settings = Settings.fromEnvironment(Map.of(
                "DATA_DIR", dataDir.toString(),
                "PLAN_RATE_LIMIT", "1000000000",
                "PLAN_BURST_LIMIT", "1000000000",
                "STAGE_RATE_LIMIT", "1000000000",
                "STAGE_BURST_LIMIT", "1000000000",
                "PLAN_QUOTA_LIMIT", "1000000000000"));
        components = Components.build(settings, Clock.systemUTC(), () -> URI.create("http://127.0.0.1:1"));
        gateway = components.gateway();
        functions = components.dataPlane().functions();
        IssuedApiKey issued = components.bootstrap.ensureDefaults(gateway, settings.bootstrap())
                .orElseThrow();
        keyValue = issued.value();
        keyId = issued.key().id();
        for (int i = 1; i <= 20; i++) {
            String body = String.format("{\"studentid\":\"SV%03d\",\"name\":\"Nguyễn Văn Sinh Viên %d\","
                    + "\"class\":\"21DTHA1\",\"birthdate\":\"2003-02-28\",\"email\":\"sv%03d@example.edu.vn\"}", i, i, i);
            ApiResponse response = functions.insertStudent(body.getBytes(StandardCharsets.UTF_8));
            if (response.status() != 201) {
                throw new IllegalStateException("seeding failed: " + response.bodyText());
            }
        }
        // A second handle on the same file for the steps the composition root does not expose (as another
        // process would open it).
        second = SqliteDatabase.open(settings.dataDir().database());
        planStore = new SqliteUsagePlanStore(second);
        counter = new SqliteUsageCounter(second);
        throttle = new LocalThrottle(Clock.systemUTC());
        plan = planStore.plansOfKey(keyId).get(0);
        if (!(gateway.admit(keyValue) instanceof Admission.Admitted)) {
            throw new IllegalStateException("the bootstrap key is not admitted");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        second.close();
        components.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The whole gateway: key lookup, plans of the key, throttle, quota charge. */
    @Benchmark
    public Admission gatewayAdmit() {
        return gateway.admit(keyValue);
    }

    /** SHA-256 of the presented value (done by every key lookup). */
    @Benchmark
    public KeyHash keyHash() {
        return KeyHash.of(keyValue);
    }

    /** ApiKeyService.findByValue: hash + one SQLite read transaction. */
    @Benchmark
    public Object keyLookup() {
        return components.keys.findByValue(keyValue);
    }

    /** The usage plans bound to the key: one SQLite read transaction. */
    @Benchmark
    public Object plansOfKey() {
        return planStore.plansOfKey(keyId);
    }

    /** The in-process token bucket. */
    @Benchmark
    public Object throttle() {
        return throttle.tryConsume(plan.id(), keyId, plan.throttle());
    }

    /** The quota charge: one SQLite BEGIN IMMEDIATE transaction (insert-or-ignore, update, upsert, select). */
    @Benchmark
    public Object quotaCharge() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return counter.tryCharge(plan.id(), keyId, QuotaWindow.containing(now, plan.quota()), today,
                Long.MAX_VALUE);
    }

    /** getStudentData for 20 students: one SQLite read + the JSON body. */
    @Benchmark
    public ApiResponse listStudents20() {
        return functions.listStudents();
    }
}
