package dev.studentapi.server.config;

import java.net.URI;
import java.util.Optional;

/**
 * Which engine serves each port: the embedded ones by default, or the shared ones that let several
 * instances behave as one. {@link #toString()} never shows a secret.
 */
public record Engines(Store store, Bucket bucket, Mail mail, Limiter limiter, String awsRegion,
                      Optional<URI> awsEndpoint, Optional<AwsKeys> awsKeys, String dynamoDbTablePrefix,
                      String redisUrl) {

    /** Where students, keys, plans and (without Redis) usage live. */
    public enum Store { SQLITE, DYNAMODB }

    /** Where backups go. */
    public enum Bucket { FILE, S3 }

    /** How e-mail leaves. */
    public enum Mail { OUTBOX, SMTP, SES }

    /** Where token buckets and quota counters live. */
    public enum Limiter { LOCAL, REDIS }

    /** Static AWS credentials given in the configuration (otherwise the SDK's default chain is used). */
    public record AwsKeys(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "AwsKeys[" + accessKeyId + ", ***]";
        }
    }

    public boolean usesAws() {
        return store == Store.DYNAMODB || bucket == Bucket.S3 || mail == Mail.SES;
    }

    @Override
    public String toString() {
        return "Engines[store=" + store + ", bucket=" + bucket + ", mail=" + mail + ", limiter=" + limiter
                + ", region=" + awsRegion + ", endpoint=" + awsEndpoint.map(URI::toString).orElse("-") + "]";
    }
}
