package dev.studentapi.server.config;

import dev.studentapi.aws.AwsAccess;
import dev.studentapi.config.ConfigurationException;
import dev.studentapi.config.Environment;
import dev.studentapi.core.backup.BackupRetention;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.usage.QuotaPeriod;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.gateway.BootstrapSettings;
import dev.studentapi.core.schedule.ScheduleExpression;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server's whole configuration, read from environment variables (and optionally a properties file named
 * by {@code CONFIG_FILE}, which the environment overrides). Every value is checked at start-up.
 */
public record Settings(
        String host,
        int port,
        DataDirectory dataDir,
        String stage,
        List<String> corsAllowedOrigins,
        String senderEmail,
        String recipientEmail,
        String bucketName,
        Optional<Smtp> smtp,
        Language language,
        BootstrapSettings bootstrap,
        Optional<String> publicBaseUrl,
        String adminBind,
        int adminPort,
        Optional<String> adminAccessKeyId,
        Optional<String> adminSecretAccessKey,
        String adminRegion,
        Engines engines,
        Optional<ScheduleExpression> backupSchedule,
        ZoneId backupTimeZone,
        boolean gatewayEnabled,
        BackupRetention backupRetention,
        Optional<Path> adminCredentialsFile,
        String adminAccountId,
        ApiKeyStorage apiKeyStorage,
        ClientLimits clientLimits,
        Optional<String> metricsToken,
        UnknownRoutes unknownRoutes,
        boolean rateLimitHeaders,
        ThrottleSettings stageThrottle) {

    /** Every variable the server reads, the AWS ones included; a config file naming any other is refused. */
    public static final Set<String> VARIABLES = Stream.concat(AwsAccess.VARIABLES.stream(), Stream.of("HOST",
            "PORT", "DATA_DIR", "STAGE", "CORS_ALLOWED_ORIGINS", "SENDER_EMAIL", "RECIPIENT_EMAIL", "S3_BUCKET_NAME",
            "SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_STARTTLS", "LOCALE", "PLAN_RATE_LIMIT",
            "PLAN_BURST_LIMIT", "PLAN_QUOTA_LIMIT", "PLAN_QUOTA_PERIOD", "PUBLIC_BASE_URL", "ADMIN_BIND",
            "ADMIN_PORT", "ADMIN_ACCESS_KEY_ID", "ADMIN_SECRET_ACCESS_KEY", "ADMIN_REGION", "STORE", "BUCKET", "MAIL",
            "LIMITER", "DYNAMODB_TABLE_PREFIX", "REDIS_URL", "BACKUP_SCHEDULE", "BACKUP_TIMEZONE", "GATEWAY",
            "BACKUP_RETENTION", "ADMIN_CREDENTIALS_FILE", "ADMIN_ACCOUNT_ID",
            "API_KEY_STORAGE", "API_KEY_ENCRYPTION_KEY", "AUTH_FAILURE_LIMIT", "TRUSTED_PROXIES", "HEADER_TIMEOUT",
            "MAX_CONNECTIONS", "LOG_FORMAT", "METRICS_TOKEN", "UNKNOWN_ROUTES",
            "RATELIMIT_HEADERS", "STAGE_RATE_LIMIT", "STAGE_BURST_LIMIT"))
            .collect(Collectors.toUnmodifiableSet());

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ORIGINS = Pattern.compile("\\*|https?://[^\\s,]+(\\s*,\\s*https?://[^\\s,]+)*");
    private static final Pattern URL = Pattern.compile("https?://[^\\s?#]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    /** SMTP delivery settings; {@link #toString()} never shows the password. */
    public record Smtp(String host, int port, Optional<String> username, Optional<String> password,
                       boolean startTls) {
        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", user=" + username.orElse("-") + ", startTls=" + startTls + "]";
        }
    }

    /** Settings from {@code environment} and the file its CONFIG_FILE names, if any; the environment wins. */
    public static Settings fromEnvironment(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        Environment.of(environment).optional("CONFIG_FILE").ifPresent(file -> merged.putAll(readFile(Path.of(file))));
        environment.forEach((name, value) -> {
            if (VARIABLES.contains(name)) {
                merged.put(name, value);
            }
        });
        try {
            return parse(Environment.of(merged));
        } catch (ConfigurationException e) {
            throw e instanceof SettingsException settings ? settings : new SettingsException(e.getMessage());
        }
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingsException("Cannot read CONFIG_FILE " + file + ": " + e.getMessage());
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(VARIABLES);
        if (!unknown.isEmpty()) {
            throw new SettingsException("Unknown variable(s) in CONFIG_FILE " + file + ": " + String.join(", ", unknown));
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private static Settings parse(Environment v) {
        v.choice("LOG_FORMAT", LogFormat.TEXT, LogFormat.class); // read by the logging itself, checked here
        Language language = v.parsed("LOCALE", code -> Language.fromCode(code).orElseThrow(), "en or vi")
                .orElse(Language.EN);
        QuotaPeriod period = v.choice("PLAN_QUOTA_PERIOD", QuotaPeriod.DAY, QuotaPeriod.class);
        BootstrapSettings bootstrap = new BootstrapSettings(
                new ThrottleSettings(v.positiveNumber("PLAN_RATE_LIMIT", 5),
                        v.integer("PLAN_BURST_LIMIT", 10, 1, 1_000_000_000)),
                new QuotaSettings(v.whole("PLAN_QUOTA_LIMIT", 1000, 0), period, 0));
        if (v.optional("ADMIN_ACCESS_KEY_ID").isPresent() != v.optional("ADMIN_SECRET_ACCESS_KEY").isPresent()) {
            throw new SettingsException("Set both ADMIN_ACCESS_KEY_ID and ADMIN_SECRET_ACCESS_KEY, or neither");
        }
        Optional<Smtp> smtp = v.optional("SMTP_HOST").map(host -> {
            boolean startTls = v.bool("SMTP_STARTTLS", false);
            return new Smtp(host, v.integer("SMTP_PORT", startTls ? 587 : 25, 1, 65535),
                    v.optional("SMTP_USERNAME"), v.optional("SMTP_PASSWORD"), startTls);
        });
        String origins = v.matching("CORS_ALLOWED_ORIGINS", "*", ORIGINS, "* or a comma-separated list of origins");
        return new Settings(
                v.text("HOST", "0.0.0.0"),
                v.integer("PORT", 8080, 0, 65535),
                new DataDirectory(Path.of(v.text("DATA_DIR", "./data"))),
                v.matching("STAGE", "prod", STAGE, "1-128 letters, digits, '-' or '_'"),
                List.of(origins.split("\\s*,\\s*")),
                v.matching("SENDER_EMAIL", "student-api@localhost", EMAIL, "an e-mail address"),
                v.matching("RECIPIENT_EMAIL", "admin@localhost", EMAIL, "an e-mail address"),
                v.matching("S3_BUCKET_NAME", "student-backup-20250706", BUCKET, "an S3 bucket name"),
                smtp,
                language,
                bootstrap,
                v.parsed("PUBLIC_BASE_URL", url -> {
                    if (!URL.matcher(url).matches()) {
                        throw new IllegalArgumentException(url);
                    }
                    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
                }, "an http(s) URL without query"),
                v.text("ADMIN_BIND", "127.0.0.1"),
                v.integer("ADMIN_PORT", 8081, 0, 65535),
                v.optional("ADMIN_ACCESS_KEY_ID"),
                v.optional("ADMIN_SECRET_ACCESS_KEY"),
                v.matching("ADMIN_REGION", "us-east-1", REGION, "an AWS region name such as us-east-1"),
                engines(v, smtp.isPresent()),
                v.optional("BACKUP_SCHEDULE").map(expression -> {
                    try {
                        return ScheduleExpression.parse(expression);
                    } catch (IllegalArgumentException e) {
                        throw Environment.invalid("BACKUP_SCHEDULE", expression,
                                "cron(min hour day-of-month month day-of-week year) or rate(N unit): " + e.getMessage());
                    }
                }),
                v.parsed("BACKUP_TIMEZONE", ZoneId::of, "a time zone such as Asia/Bangkok or UTC")
                        .orElse(ZoneOffset.UTC),
                v.choice("GATEWAY", Switch.ON, Switch.class) == Switch.ON,
                v.parsed("BACKUP_RETENTION", BackupRetention::parse, BackupRetention.FORMAT)
                        .orElse(new BackupRetention.KeepAll()),
                v.optional("ADMIN_CREDENTIALS_FILE").map(Path::of),
                v.matching("ADMIN_ACCOUNT_ID", "123456789012", ACCOUNT, "a 12-digit AWS account id"),
                new ApiKeyStorage(v.choice("API_KEY_STORAGE", ApiKeyStorage.Mode.HASH, ApiKeyStorage.Mode.class),
                        v.optional("API_KEY_ENCRYPTION_KEY")),
                clientLimits(v),
                v.optional("METRICS_TOKEN"),
                v.choice("UNKNOWN_ROUTES", UnknownRoutes.DEFAULT, UnknownRoutes.class),
                v.choice("RATELIMIT_HEADERS", Switch.OFF, Switch.class) == Switch.ON,
                new ThrottleSettings(v.positiveNumber("STAGE_RATE_LIMIT", 10_000),
                        v.integer("STAGE_BURST_LIMIT", 5_000, 1, 1_000_000_000)));
    }

    private static final Pattern ADDRESSES = Pattern.compile("[0-9A-Fa-f.:]+(\\s*,\\s*[0-9A-Fa-f.:]+)*");

    private enum LogFormat { TEXT, JSON }

    private static ClientLimits clientLimits(Environment v) {
        String proxies = v.matching("TRUSTED_PROXIES", "", Pattern.compile("|" + ADDRESSES.pattern()),
                "a comma-separated list of IP addresses");
        return new ClientLimits(
                v.integer("AUTH_FAILURE_LIMIT", ClientLimits.DEFAULT_AUTH_FAILURE_LIMIT, 1, 1_000_000),
                proxies.isBlank() ? List.of() : List.of(proxies.strip().split("\\s*,\\s*")),
                Duration.ofSeconds(v.integer("HEADER_TIMEOUT",
                        (int) ClientLimits.DEFAULT_HEADER_TIMEOUT.toSeconds(), 1, 3600)),
                ClientLimits.IDLE_TIMEOUT,
                v.integer("MAX_CONNECTIONS", ClientLimits.DEFAULT_MAX_CONNECTIONS, 1, 1_000_000));
    }

    private enum Switch { ON, OFF }

    private static Engines engines(Environment v, boolean smtpConfigured) {
        Engines.Mail mail = v.choice("MAIL", smtpConfigured ? Engines.Mail.SMTP : Engines.Mail.OUTBOX,
                Engines.Mail.class);
        if (mail == Engines.Mail.SMTP && !smtpConfigured) {
            throw new SettingsException("MAIL=smtp needs SMTP_HOST");
        }
        return new Engines(
                v.choice("STORE", Engines.Store.SQLITE, Engines.Store.class),
                v.choice("BUCKET", Engines.Bucket.FILE, Engines.Bucket.class),
                mail,
                v.choice("LIMITER", Engines.Limiter.LOCAL, Engines.Limiter.class),
                AwsAccess.from(v),
                v.matching("DYNAMODB_TABLE_PREFIX", "", Pattern.compile("[A-Za-z0-9_.-]{0,100}"),
                        "letters, digits, '_', '-' or '.'"),
                v.matching("REDIS_URL", "redis://127.0.0.1:6379", Pattern.compile("rediss?://\\S+"),
                        "a redis:// URL"));
    }

    /** The base of e-mailed download links: {@code PUBLIC_BASE_URL}, or this machine on {@code boundPort}. */
    public java.net.URI publicBaseUrl(int boundPort) {
        return java.net.URI.create(publicBaseUrl.orElse("http://127.0.0.1:" + boundPort));
    }

    /** The control plane's own port, refused when it is the data plane's. */
    public void requireDistinctPorts() {
        if (adminPort != 0 && adminPort == port) {
            throw new SettingsException("ADMIN_PORT must differ from PORT (" + port + "): the control plane "
                    + "never shares the data plane's port");
        }
    }

    @Override
    public String toString() {
        return "Settings[port=" + port + ", dataDir=" + dataDir + ", stage=" + stage + ", smtp=" + smtp
                + ", engines=" + engines + ", apiKeyStorage=" + apiKeyStorage + "]";
    }
}
