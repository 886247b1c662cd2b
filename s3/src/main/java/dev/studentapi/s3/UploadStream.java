package dev.studentapi.s3;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.List;

/**
 * The stream a writer fills during one put: bytes collect in one reusable buffer of at most a part's size,
 * and each full buffer becomes one part of a multipart upload, so memory does not grow with the object.
 * An object that fits in one buffer is stored with a single PutObject instead. Not thread-safe: one writer
 * owns it. Nothing is visible in the bucket until {@link #finish()}; after any failure the owner calls
 * {@link #abort()}. Closing it does nothing, so a writer may close the stream it was given.
 */
final class UploadStream extends OutputStream {

    private static final int FIRST_BUFFER_BYTES = 64 * 1024;

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final int partBytes;
    private final List<CompletedPart> parts = new ArrayList<>();
    private byte[] buffer;
    private int buffered;
    private long total;
    private String uploadId;

    UploadStream(S3Client client, String bucket, String key, String contentType, int partBytes) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
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
                uploadId = client.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
            }
            int number = parts.size() + 1;
            UploadPartResponse response = client.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId)
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

    /** Makes the object visible with everything written so far and returns its size in bytes. */
    long finish() throws IOException {
        if (uploadId == null) {
            try {
                client.putObject(r -> r.bucket(bucket).key(key).contentType(contentType)
                        .contentLength((long) buffered), body());
            } catch (SdkException e) {
                throw S3Failure.of("store", bucket, key, e);
            }
            return total;
        }
        uploadPart();
        try {
            client.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(parts)));
        } catch (SdkException e) {
            throw S3Failure.of("complete the upload of", bucket, key, e);
        }
        return total;
    }

    /** Discards the parts uploaded so far, if any, so that a failed put leaves nothing behind. */
    void abort() throws IOException {
        if (uploadId == null) {
            return;
        }
        try {
            client.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            throw S3Failure.of("abort the upload of", bucket, key, e);
        }
    }
}
