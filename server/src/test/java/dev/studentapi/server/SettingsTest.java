package dev.studentapi.server;

import dev.studentapi.aws.AwsAccess;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.usage.QuotaPeriod;
import dev.studentapi.server.config.ClientLimits;
import dev.studentapi.server.config.DataDirectory;
import dev.studentapi.server.config.Settings;
import dev.studentapi.server.config.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void defaultsAreTheEmbeddedReferenceSystem() {
        Settings settings = Settings.fromEnvironment(Map.of());
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataDir().root()).isEqualTo(Path.of("./data"));
        assertThat(settings.stage()).isEqualTo("prod");
        assertThat(settings.corsAllowedOrigins()).containsExactly("*");
        assertThat(settings.bucketName()).isEqualTo("student-backup-20250706");
        assertThat(settings.smtp()).isEmpty();
        assertThat(settings.language()).isEqualTo(Language.EN);
        assertThat(settings.bootstrap().throttle().rateLimit()).isEqualTo(5);
        assertThat(settings.bootstrap().throttle().burstLimit()).isEqualTo(10);
        assertThat(settings.bootstrap().quota().limit()).isEqualTo(1000);
        assertThat(settings.bootstrap().quota().period()).isEqualTo(QuotaPeriod.DAY);
    }

    @Test
    void clientLimitsDefaultAndAreRead() {
        assertThat(Settings.fromEnvironment(Map.of()).clientLimits()).isEqualTo(ClientLimits.defaults());
        ClientLimits read = Settings.fromEnvironment(Map.of("AUTH_FAILURE_LIMIT", "5",
                "TRUSTED_PROXIES", "10.0.0.10, ::1", "HEADER_TIMEOUT", "3", "MAX_CONNECTIONS", "200")).clientLimits();
        assertThat(read).isEqualTo(new ClientLimits(5, java.util.List.of("10.0.0.10", "::1"),
                java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(30), 200));
        assertThat(Settings.fromEnvironment(Map.of("METRICS_TOKEN", "t0ken")).metricsToken()).hasValue("t0ken");
    }

    @ParameterizedTest
    @CsvSource({"PORT,eighty", "PORT,70000", "LOCALE,fr", "PLAN_QUOTA_PERIOD,YEAR", "PLAN_RATE_LIMIT,-1",
            "PLAN_BURST_LIMIT,0", "PLAN_QUOTA_LIMIT,lots", "STAGE,pr od", "S3_BUCKET_NAME,Bad_Bucket",
            "SENDER_EMAIL,nobody", "CORS_ALLOWED_ORIGINS,example.com", "SMTP_STARTTLS,maybe", "STORE,mysql",
            "BUCKET,ftp", "MAIL,pigeon", "LIMITER,memcached", "AWS_REGION,moon", "AWS_DEFAULT_REGION,moon",
            "AWS_ENDPOINT_URL,localhost:4566", "REDIS_URL,127.0.0.1:6379", "BACKUP_SCHEDULE,cron(0 0 * * * *)",
            "BACKUP_SCHEDULE,daily", "BACKUP_TIMEZONE,Mars/Olympus", "GATEWAY,maybe", "ADMIN_PORT,-1",
            "AUTH_FAILURE_LIMIT,0", "AUTH_FAILURE_LIMIT,many", "TRUSTED_PROXIES,lb.internal", "HEADER_TIMEOUT,0",
            "MAX_CONNECTIONS,none", "LOG_FORMAT,xml"})
    void malformedValuesStopStartUpNamingTheVariable(String name, String value) {
        Map<String, String> env = name.startsWith("SMTP") ? Map.of("SMTP_HOST", "mail.test", name, value)
                : Map.of(name, value);
        assertThatThrownBy(() -> Settings.fromEnvironment(env))
                .isInstanceOf(SettingsException.class).hasMessageContaining(name);
    }

    @Test
    void theControlPlaneNeedsBothCredentialsOrNeitherAndAPortOfItsOwn() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("ADMIN_ACCESS_KEY_ID", "AKIAONLYHALF")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("ADMIN_SECRET_ACCESS_KEY");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORT", "9000", "ADMIN_PORT", "9000"))
                .requireDistinctPorts()).isInstanceOf(SettingsException.class).hasMessageContaining("ADMIN_PORT must differ from PORT");
        Settings settings = Settings.fromEnvironment(Map.of("ADMIN_BIND", "0.0.0.0", "ADMIN_PORT", "9001",
                "ADMIN_REGION", "ap-southeast-1"));
        assertThat(settings.adminBind()).isEqualTo("0.0.0.0");
        assertThat(settings.adminPort()).isEqualTo(9001);
        assertThat(settings.adminRegion()).isEqualTo("ap-southeast-1");
    }

    @Test
    void mailOverSmtpNeedsAnSmtpHost() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MAIL", "smtp")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("SMTP_HOST");
    }

    @Test
    void sharedEnginesAndTheScheduleAreReadWhenGiven() {
        Settings settings = Settings.fromEnvironment(Map.of("STORE", "dynamodb", "BUCKET", "s3", "MAIL", "ses",
                "LIMITER", "redis", "AWS_SECRET_ACCESS_KEY", "secret-value", "AWS_ACCESS_KEY_ID", "AKID",
                "BACKUP_SCHEDULE", "cron(0 0 * * ? *)", "BACKUP_TIMEZONE", "Asia/Bangkok"));
        assertThat(settings.engines().usesAws()).isTrue();
        assertThat(settings.backupSchedule()).hasValueSatisfying(
                e -> assertThat(e.toString()).isEqualTo("cron(0 0 * * ? *)"));
        assertThat(settings.backupTimeZone()).hasToString("Asia/Bangkok");
        assertThat(settings.toString()).contains("DYNAMODB").doesNotContain("secret-value");
    }

    @Test
    void awsAccessFollowsTheRuleTheLambdaFunctionsShare() {
        Settings settings = Settings.fromEnvironment(Map.of("AWS_DEFAULT_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID",
                "AKID", "AWS_SECRET_ACCESS_KEY", "secret-value", "AWS_SESSION_TOKEN", "token"));

        assertThat(settings.engines().aws()).isEqualTo(new AwsAccess("eu-west-1", Optional.empty(),
                Optional.of(new AwsAccess.Keys("AKID", "secret-value", Optional.of("token")))));
        assertThat(Settings.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/creds")).engines().aws().keys()).isEmpty();
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKID")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void theDataDirectoryNamesEveryFileAndFolderOfTheServer() {
        DataDirectory data = Settings.fromEnvironment(Map.of("DATA_DIR", " /srv/student-api ")).dataDir();

        assertThat(data.database()).isEqualTo(Path.of("/srv/student-api/student-api.db"));
        assertThat(data.downloadSigningKey()).isEqualTo(Path.of("/srv/student-api/secrets/download-signing.key"));
        assertThat(data.adminCredentials())
                .isEqualTo(Path.of("/srv/student-api/secrets/admin-credentials.properties"));
        assertThat(data.buckets()).isEqualTo(Path.of("/srv/student-api/buckets"));
        assertThat(data.outbox()).isEqualTo(Path.of("/srv/student-api/outbox"));
    }

    @Test
    void aConfigFileAddsToTheEnvironmentWhichWins(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("student-api.properties");
        Files.writeString(file, "PORT=9090\nLOCALE=vi\nSTAGE=dev\n");
        Settings settings = Settings.fromEnvironment(Map.of("CONFIG_FILE", file.toString(), "STAGE", "prod"));
        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.language()).isEqualTo(Language.VI);
        assertThat(settings.stage()).isEqualTo("prod");
    }

    @Test
    void aConfigFileWithAnUnknownVariableIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("student-api.properties");
        Files.writeString(file, "PROT=9090\n");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("CONFIG_FILE", file.toString())))
                .isInstanceOf(SettingsException.class).hasMessageContaining("PROT");
    }

    @Test
    void theSmtpPasswordIsNeverPrinted() {
        Settings settings = Settings.fromEnvironment(Map.of("SMTP_HOST", "mail.test", "SMTP_USERNAME", "u",
                "SMTP_PASSWORD", "s3cr3t-pass"));
        assertThat(settings.toString()).doesNotContain("s3cr3t-pass");
        assertThat(settings.smtp().orElseThrow().toString()).doesNotContain("s3cr3t-pass");
    }
}
