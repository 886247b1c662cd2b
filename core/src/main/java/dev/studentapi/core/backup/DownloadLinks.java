package dev.studentapi.core.backup;

import java.nio.file.Path;

/**
 * The signed, expiring download links that a server issues for the objects of its local buckets, followed back
 * to the object they lead to. Safe for concurrent use; never throws for a malformed or forged link.
 */
public interface DownloadLinks {

    /** What the link made of these URL-decoded path segments and raw query values (any may be null) leads to. */
    Target resolve(String bucket, String key, String expires, String signature);

    /** What a download link leads to: the object's file, or why it may not be served. */
    sealed interface Target {

        /** The link is genuine and current and the object exists: serve {@code file}. */
        record Found(Path file) implements Target {}

        /** The link is genuine and current but the object is gone. */
        record Missing() implements Target {}

        /** The link is genuine but its time is up. */
        record Expired() implements Target {}

        /**
         * The link was not issued here: tampered with, a missing or unparseable parameter, or a bucket or key that
         * no link is ever issued for (such as one that climbs out of the bucket).
         */
        record Tampered() implements Target {}
    }
}
