package dev.studentapi.server.config;

import dev.studentapi.aws.AwsAccess;

/**
 * Which engine serves each port: the embedded ones by default, or the shared ones that let several
 * instances behave as one. {@link #toString()} never shows a secret.
 */
public record Engines(Store store, Bucket bucket, Mail mail, Limiter limiter, AwsAccess aws,
                      String dynamoDbTablePrefix, String redisUrl) {

    /** Where students, keys, plans and (without Redis) usage live. */
    public enum Store { SQLITE, DYNAMODB }

    /** Where backups go. */
    public enum Bucket { FILE, S3 }

    /** How e-mail leaves. */
    public enum Mail { OUTBOX, SMTP, SES }

    /** Where token buckets and quota counters live. */
    public enum Limiter { LOCAL, REDIS }

    public boolean usesAws() {
        return store == Store.DYNAMODB || bucket == Bucket.S3 || mail == Mail.SES;
    }

    @Override
    public String toString() {
        return "Engines[store=" + store + ", bucket=" + bucket + ", mail=" + mail + ", limiter=" + limiter
                + ", aws=" + aws.where() + "]";
    }
}
