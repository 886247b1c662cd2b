package dev.studentapi.server;

import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.gateway.Gateway;
import dev.studentapi.core.gateway.GatewayBootstrap;
import dev.studentapi.core.mail.EmailTemplates;
import dev.studentapi.core.mail.Mailer;
import dev.studentapi.core.student.StudentService;
import dev.studentapi.core.student.StudentValidator;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.UsagePlanService;
import dev.studentapi.core.usage.UsageService;
import dev.studentapi.filesystem.DownloadResolver;
import dev.studentapi.filesystem.FileObjectStore;
import dev.studentapi.filesystem.LinkSigner;
import dev.studentapi.functions.JsonSnapshotFormat;
import dev.studentapi.functions.StudentFunctions;
import dev.studentapi.mail.OutboxMailer;
import dev.studentapi.mail.SmtpMailer;
import dev.studentapi.mail.SmtpSettings;
import dev.studentapi.ratelimit.LocalThrottle;
import dev.studentapi.server.config.Settings;
import dev.studentapi.sqlite.SqliteApiKeyStore;
import dev.studentapi.sqlite.SqliteDatabase;
import dev.studentapi.sqlite.SqliteStudentStore;
import dev.studentapi.sqlite.SqliteUsageCounter;
import dev.studentapi.sqlite.SqliteUsagePlanStore;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/** The composition root: builds every adapter and service from the settings. Nothing else constructs adapters. */
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
    public final DownloadResolver downloads;
    private final SqliteDatabase database;

    private Components(Settings settings, SqliteDatabase database, ApiKeyService keys, UsagePlanService plans,
                       UsageService usage, Gateway gateway, StudentFunctions functions, DownloadResolver downloads) {
        this.settings = settings;
        this.database = database;
        this.keys = keys;
        this.plans = plans;
        this.usage = usage;
        this.gateway = gateway;
        this.bootstrap = new GatewayBootstrap(keys, plans);
        this.functions = functions;
        this.downloads = downloads;
    }

    /** Builds everything; {@code publicBaseUrl} is asked for at link time, once the port is known. */
    public static Components build(Settings settings, Clock clock, Supplier<URI> publicBaseUrl) {
        Path dataDir = settings.dataDir();
        SqliteDatabase database = SqliteDatabase.open(settings.databaseFile());
        try {
            var studentStore = new SqliteStudentStore(database);
            var keyStore = new SqliteApiKeyStore(database);
            var planStore = new SqliteUsagePlanStore(database);
            var counter = new SqliteUsageCounter(database);
            var keys = new ApiKeyService(keyStore, clock);
            var plans = new UsagePlanService(planStore, keyStore);
            var usage = new UsageService(planStore, counter, clock);
            var gateway = new Gateway(new ApiStage(API_ID, settings.stage()), keys, planStore,
                    new LocalThrottle(clock), counter, clock);

            Mailer mailer = mailer(settings, dataDir, clock);
            var templates = new EmailTemplates(settings.language(), settings.senderEmail());
            LinkSigner signer = linkSigner(dataDir.resolve("secrets").resolve("download-signing.key"));
            Path buckets = dataDir.resolve("buckets");
            var bucket = new FileObjectStore(buckets, settings.bucketName(), publicBaseUrl, signer);
            var students = new StudentService(studentStore, new StudentValidator(clock), mailer, templates);
            var backups = new BackupService(studentStore, bucket, new JsonSnapshotFormat(), mailer, templates,
                    settings.recipientEmail(), clock);
            var functions = new StudentFunctions(students, backups, settings.language());
            return new Components(settings, database, keys, plans, usage, gateway, functions,
                    new DownloadResolver(buckets, signer, clock));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static LinkSigner linkSigner(Path secretFile) {
        try {
            return LinkSigner.loadOrCreate(secretFile);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read or create the download-link secret " + secretFile
                    + ": " + e.getMessage(), e);
        }
    }

    private static Mailer mailer(Settings settings, Path dataDir, Clock clock) {
        return settings.smtp()
                .<Mailer>map(smtp -> new SmtpMailer(new SmtpSettings(smtp.host(), smtp.port(),
                        smtp.username().orElse(null), smtp.password().orElse(null), smtp.startTls()), clock))
                .orElseGet(() -> new OutboxMailer(dataDir.resolve("outbox"), clock));
    }

    @Override
    public void close() {
        database.close();
    }
}
