package dev.studentapi.server;

import dev.studentapi.core.StoreException;
import dev.studentapi.core.mail.Mailer;
import dev.studentapi.core.usage.QuotaWindow;
import dev.studentapi.dynamodb.DynamoDbApiKeyStore;
import dev.studentapi.dynamodb.DynamoDbAuditLog;
import dev.studentapi.dynamodb.DynamoDbKeyActivityStore;
import dev.studentapi.dynamodb.DynamoDbClients;
import dev.studentapi.dynamodb.DynamoDbStudentStore;
import dev.studentapi.dynamodb.DynamoDbTables;
import dev.studentapi.dynamodb.DynamoDbTickLease;
import dev.studentapi.dynamodb.DynamoDbUsageCounter;
import dev.studentapi.dynamodb.DynamoDbUsagePlanStore;
import dev.studentapi.filesystem.DownloadResolver;
import dev.studentapi.filesystem.FileObjectStore;
import dev.studentapi.filesystem.LinkSigner;
import dev.studentapi.mail.OutboxMailer;
import dev.studentapi.mail.SmtpMailer;
import dev.studentapi.mail.SmtpSettings;
import dev.studentapi.ratelimit.LocalThrottle;
import dev.studentapi.redis.RedisConnection;
import dev.studentapi.redis.RedisThrottle;
import dev.studentapi.redis.RedisUsageCounter;
import dev.studentapi.s3.S3Connection;
import dev.studentapi.s3.S3ObjectStore;
import dev.studentapi.server.config.Engines;
import dev.studentapi.server.config.Settings;
import dev.studentapi.ses.SesMailer;
import dev.studentapi.sqlite.SqliteApiKeyStore;
import dev.studentapi.sqlite.SqliteAuditLog;
import dev.studentapi.sqlite.SqliteKeyActivityStore;
import dev.studentapi.sqlite.SqliteDatabase;
import dev.studentapi.sqlite.SqliteStudentStore;
import dev.studentapi.sqlite.SqliteTickLease;
import dev.studentapi.sqlite.SqliteUsageCounter;
import dev.studentapi.sqlite.SqliteUsagePlanStore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the adapter of each port for the engine the settings chose, registering what must be closed. */
final class Adapters {

    private final Settings settings;
    private final Engines engines;
    private final Clock clock;
    private final List<AutoCloseable> resources;

    Adapters(Settings settings, Clock clock, List<AutoCloseable> resources) {
        this.settings = settings;
        this.engines = settings.engines();
        this.clock = clock;
        this.resources = resources;
    }

    Components.Stores stores() {
        if (engines.store() == Engines.Store.DYNAMODB) {
            var client = DynamoDbClients.create(engines.aws());
            resources.add(client);
            DynamoDbTables tables = reachable("DynamoDB",
                    () -> new DynamoDbTables(client, engines.dynamoDbTablePrefix()).createIfAbsent());
            DynamoDbApiKeyStore keys = new DynamoDbApiKeyStore(tables);
            keys.adoptEarlierExpirations(); // kept on the activity items before the key items had them
            return new Components.Stores(new DynamoDbStudentStore(tables), keys,
                    new DynamoDbUsagePlanStore(tables), new DynamoDbUsageCounter(tables), new DynamoDbTickLease(tables),
                    new DynamoDbKeyActivityStore(tables), new DynamoDbAuditLog(tables));
        }
        SqliteDatabase database = SqliteDatabase.open(settings.dataDir().database());
        resources.add(database);
        return new Components.Stores(new SqliteStudentStore(database), new SqliteApiKeyStore(database),
                new SqliteUsagePlanStore(database), new SqliteUsageCounter(database), new SqliteTickLease(database),
                new SqliteKeyActivityStore(database), new SqliteAuditLog(database));
    }

    /** The limiter's token buckets and shared counter; nothing is sent to Redis yet. */
    Components.Limits limits() {
        if (engines.limiter() == Engines.Limiter.REDIS) {
            RedisConnection redis = RedisConnection.open(engines.redisUrl());
            resources.add(redis);
            return new Components.Limits(new RedisThrottle(redis, "student-api:", clock),
                    Optional.of(new RedisUsageCounter(redis, "student-api:")));
        }
        return new Components.Limits(new LocalThrottle(clock), Optional.empty());
    }

    /** A first call to a shared counter, so that a Redis out of reach stops start-up with its address. */
    void probe(Components.Limits limits) {
        LocalDate today = LocalDate.now(clock);
        limits.counter().ifPresent(counter -> counter.used("-", "-", new QuotaWindow(today, today.plusDays(1))));
    }

    Components.Bucket bucket(Supplier<URI> publicBaseUrl) {
        if (engines.bucket() == Engines.Bucket.S3) {
            S3Connection s3 = S3Connection.open(engines.aws());
            resources.add(s3);
            var store = new S3ObjectStore(s3.client(), s3.presigner(), settings.bucketName(), clock);
            reachable("S3", () -> {
                try {
                    store.createBucketIfAbsent();
                    return store;
                } catch (IOException e) {
                    throw new StoreException(e.getMessage(), e);
                }
            });
            return new Components.Bucket(store, Optional.empty());
        }
        LinkSigner signer = linkSigner(settings.dataDir().downloadSigningKey());
        Path buckets = settings.dataDir().buckets();
        return new Components.Bucket(new FileObjectStore(buckets, settings.bucketName(), publicBaseUrl, signer),
                Optional.of(new DownloadResolver(buckets, signer, clock)));
    }

    Mailer mailer() {
        return switch (engines.mail()) {
            case SES -> {
                var client = SesMailer.client(engines.aws());
                resources.add(client);
                yield new SesMailer(client);
            }
            case SMTP -> {
                Settings.Smtp smtp = settings.smtp().orElseThrow();
                yield new SmtpMailer(new SmtpSettings(smtp.host(), smtp.port(), smtp.username().orElse(null),
                        smtp.password().orElse(null), smtp.startTls()), clock);
            }
            case OUTBOX -> {
                OutboxMailer outbox = new OutboxMailer(settings.dataDir().outbox(), clock);
                resources.add(outbox); // empties its journal on shutdown
                yield outbox;
            }
        };
    }

    /** Makes the first call to an AWS engine, naming the engine and where it was sought when it fails. */
    private <T> T reachable(String engine, Supplier<T> firstCall) {
        String where = engines.aws().where();
        try {
            return firstCall.get();
        } catch (RuntimeException e) {
            throw new StoreException(engine + " is unreachable at " + where + ": " + e.getMessage(), e);
        }
    }

    private static LinkSigner linkSigner(Path secretFile) {
        try {
            return LinkSigner.loadOrCreate(secretFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the download-link secret " + secretFile
                    + ": " + e.getMessage(), e);
        }
    }
}
