package dev.studentapi.s3;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stream a writer fills during one put: bytes collect in one reusable buffer of at most a part's size,
 * and each full buffer becomes one part of a multipart upload, so memory does not grow with the object.
 * An object that fits in one buffer is stored with a single PutObject instead. A multipart upload goes to a
 * staging key outside the listed keys and is copied to its key with its metadata once complete, because S3 takes
 * an object's metadata when an upload starts and the count is known only at the end. Not thread-safe: one writer
 * owns it. Nothing is visible at the key until {@link #finish}; after any failure the owner calls
 * {@link #abort()}. Closing it does nothing, so a writer may close the stream it was given.
 */
final class UploadStream extends OutputStream {

    private static final int FIRST_BUFFER_BYTES = 64 * 1024;

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final String stagingKey;
    private final String contentType;
    private final int partBytes;
    private final List<CompletedPart> parts = new ArrayList<>();
    private byte[] buffer;
    private int buffered;
    private long total;
    private String uploadId;

    UploadStream(S3Client client, String bucket, String key, String stagingKey, String contentType, int partBytes) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.stagingKey = stagingKey;
        this.contentType = contentType;
        this.partBytes = partBytes;
        this.buffer = new byte[Math.min(FIRST_BUFFER_BYTES, partBytes)];
    }

    @Override
    public void write(int b) throws IOException {
        makeRoom();
        buffer[buffered++] = (byte) b;
        total++;
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, bytes.length);
        while (len > 0) {
            makeRoom();
            int n = Math.min(len, buffer.length - buffered);
            System.arraycopy(bytes, off, buffer, buffered, n);
            buffered += n;
            total += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Ensures at least one free byte: grows the buffer up to a part's size, and uploads a full part only
     * when more bytes arrive, so the last part is never empty.
     */
    private void makeRoom() throws IOException {
        if (buffered < buffer.length) {
            return;
        }
        if (buffer.length < partBytes) {
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, partBytes));
            return;
        }
        uploadPart();
    }

    private void uploadPart() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = client.createMultipartUpload(r -> r.bucket(bucket).key(stagingKey).contentType(contentType)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
            }
            int number = parts.size() + 1;
            UploadPartResponse response = client.uploadPart(r -> r.bucket(bucket).key(stagingKey).uploadId(uploadId)
                    .partNumber(number).contentLength((long) buffered)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), body());
            parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag())
                    .checksumCRC32(response.checksumCRC32()).build());
            buffered = 0;
        } catch (SdkException e) {
            throw S3Failure.of("upload a part of", bucket, key, e);
        }
    }

    /** The buffered bytes without copying them; read only while the SDK call that takes them runs. */
    private RequestBody body() {
        int length = buffered;
        byte[] bytes = buffer;
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                contentType);
    }

    /** Makes the object visible at its key with everything written so far and {@code metadata}; its size. */
    long finish(Map<String, String> metadata) throws IOException {
        if (uploadId == null) {
            try {
                client.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).metadata(metadata)
                        .contentLength((long) buffered), body());
            } catch (SdkException e) {
                throw S3Failure.of("store", bucket, key, e);
            }
            return total;
        }
        uploadPart();
        try {
            client.completeMultipartUpload(r -> r.bucket(bucket).key(stagingKey).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(parts)));
        } catch (SdkException e) {
            throw S3Failure.of("complete the upload of", bucket, key, e);
        }
        uploadId = null;
        try {
            client.copyObject(r -> r.sourceBucket(bucket).sourceKey(stagingKey).destinationBucket(bucket)
                    .destinationKey(key).contentType(contentType).metadata(metadata)
                    .metadataDirective(MetadataDirective.REPLACE));
        } catch (SdkException e) {
            deleteStaging();
            throw S3Failure.of("copy the upload into", bucket, key, e);
        }
        deleteStaging();
        return total;
    }

    /** Removes the staged copy; one left behind (the delete failed) lies outside the listed keys. */
    private void deleteStaging() {
        try {
            client.deleteObject(r -> r.bucket(bucket).key(stagingKey));
        } catch (SdkException ignored) {
            // the bucket's lifecycle rule for the staging prefix removes it
        }
    }

    /** Discards the parts uploaded so far, if any, so that a failed put leaves nothing behind. */
    void abort() throws IOException {
        if (uploadId == null) {
            return;
        }
        try {
            client.abortMultipartUpload(r -> r.bucket(bucket).key(stagingKey).uploadId(uploadId));
        } catch (SdkException e) {
            throw S3Failure.of("abort the upload of", bucket, key, e);
        }
    }
}
