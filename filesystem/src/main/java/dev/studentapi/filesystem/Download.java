package dev.studentapi.filesystem;

import java.nio.file.Path;

/** What a signed download link leads to: the file, or why it may not be served. */
public sealed interface Download {

    /** The link is genuine and current and the object exists; serve {@code file} ({@code size} bytes). */
    record Found(Path file, long size) implements Download {}

    /** The link is genuine but its time is up. */
    record Expired() implements Download {}

    /**
     * The link was not issued by this server: tampered with, a missing or unparseable parameter, or a bucket
     * or key that no link is ever issued for (such as one that climbs out of the bucket).
     */
    record BadSignature() implements Download {}

    /** The link is genuine and current but the object is gone. */
    record Missing() implements Download {}
}
