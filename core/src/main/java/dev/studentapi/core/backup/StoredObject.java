package dev.studentapi.core.backup;

/** An object that an object store holds in full. */
public record StoredObject(String bucket, String key, long bytes) {}
