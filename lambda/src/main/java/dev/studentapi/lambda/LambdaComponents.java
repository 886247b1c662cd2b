package dev.studentapi.lambda;

import dev.studentapi.aws.AwsAccess;
import dev.studentapi.dynamodb.DynamoDbClients;
import dev.studentapi.dynamodb.DynamoDbStudentStore;
import dev.studentapi.dynamodb.DynamoDbTables;
import dev.studentapi.functions.BackupFunctions;
import dev.studentapi.functions.CorsPolicy;
import dev.studentapi.functions.DataPlaneAssembly;
import dev.studentapi.functions.PageCursor;
import dev.studentapi.functions.StudentFunctions;
import dev.studentapi.s3.S3Connection;
import dev.studentapi.s3.S3ObjectStore;
import dev.studentapi.ses.SesMailer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root of a function container: the DynamoDB, S3 and SES clients and the data-plane functions
 * over them, built once from the environment. Safe for concurrent use; building it makes no network call.
 */
public final class LambdaComponents implements AutoCloseable {

    private static final String STUDENTS_TABLE = "studentData";

    private final LambdaSettings settings;
    private final DynamoDbClient dynamoDb;
    private final S3Connection s3;
    private final SesV2Client ses;
    private final StudentFunctions functions;
    private final BackupFunctions backupFunctions;
    private final CorsPolicy cors;
    private final ProxyExchange.Exchange exchange;

    private LambdaComponents(LambdaSettings settings, DynamoDbClient dynamoDb, S3Connection s3, SesV2Client ses,
                             Clock clock) {
        this.settings = settings;
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.ses = ses;
        var studentStore = new DynamoDbStudentStore(new DynamoDbTables(dynamoDb, tablePrefix(settings.tableName())));
        var bucket = new S3ObjectStore(s3.client(), s3.presigner(), settings.bucketName(), clock);
        // no retention rule here: on S3 the stack's lifecycle rule expires old backups
        DataPlaneAssembly assembly = DataPlaneAssembly.assemble(studentStore, bucket, new SesMailer(ses),
                new DataPlaneAssembly.Mailing(settings.language(), settings.senderEmail(), settings.recipientEmail()),
                clock, cursors(settings));
        this.functions = assembly.functions();
        this.backupFunctions = assembly.backupFunctions();
        this.cors = new CorsPolicy(settings.allowedOrigins());
        this.exchange = new ProxyExchange.Exchange(cors, functions.replies(), settings.language());
    }

    /** Builds everything from {@code environment} (see {@link LambdaSettings} and {@link AwsAccess#from}). */
    public static LambdaComponents fromEnvironment(Map<String, String> environment) {
        return create(LambdaSettings.from(environment), Clock.systemUTC());
    }

    /** Builds everything from explicit settings. */
    public static LambdaComponents create(LambdaSettings settings, Clock clock) {
        DynamoDbClient dynamoDb = DynamoDbClients.create(settings.aws());
        S3Connection s3 = null;
        SesV2Client ses = null;
        try {
            s3 = S3Connection.open(settings.aws());
            ses = SesMailer.client(settings.aws());
            return new LambdaComponents(settings, dynamoDb, s3, ses, clock);
        } catch (RuntimeException e) {
            closeQuietly(ses, e);
            closeQuietly(s3, e);
            closeQuietly(dynamoDb, e);
            throw e;
        }
    }

    public LambdaSettings settings() {
        return settings;
    }

    public StudentFunctions functions() {
        return functions;
    }

    public BackupFunctions backupFunctions() {
        return backupFunctions;
    }

    CorsPolicy cors() {
        return cors;
    }

    ProxyExchange.Exchange exchange() {
        return exchange;
    }

    /** Cursors signed with the deployment's shared secret, else with one of this container only. */
    private static PageCursor cursors(LambdaSettings settings) {
        return settings.cursorSecret().map(secret -> new PageCursor(secret.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(PageCursor::ofRandomSecret);
    }

    /**
     * The prefix that makes {@link DynamoDbTables#students()} the table named by {@code TABLE_NAME}: the stores
     * name their tables {@code prefix + "studentData"}, as the stack and the reference system do.
     */
    static String tablePrefix(String tableName) {
        if (!tableName.endsWith(STUDENTS_TABLE)) {
            throw new IllegalStateException("TABLE_NAME must be " + STUDENTS_TABLE
                    + " or end with it (a prefix such as dev_" + STUDENTS_TABLE + "), not '" + tableName + "'");
        }
        return tableName.substring(0, tableName.length() - STUDENTS_TABLE.length());
    }

    private static void closeQuietly(AutoCloseable closeable, RuntimeException failure) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        RuntimeException failure = new IllegalStateException("closing the AWS clients failed");
        closeQuietly(ses, failure);
        closeQuietly(s3, failure);
        closeQuietly(dynamoDb, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
