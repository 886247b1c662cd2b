package dev.studentapi.s3;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;

/** Turns an SDK exception into an {@link IOException} whose message names the operation and S3's reason. */
final class S3Failure {
    private S3Failure() {
    }

    static IOException of(String action, String bucket, String key, SdkException e) {
        return new IOException("Couldn't " + action + " s3://" + bucket + "/" + key + ": " + reason(e), e);
    }

    static IOException ofBucket(String action, String bucket, SdkException e) {
        return new IOException("Couldn't " + action + " the S3 bucket " + bucket + ": " + reason(e), e);
    }

    /** S3's error code and message when it answered, else the first line of the client's message. */
    static String reason(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            String status = "HTTP " + service.statusCode();
            return (code == null ? status : code) + (message == null ? "" : " (" + firstLine(message) + ")");
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String text) {
        return text == null ? "unknown error" : text.lines().findFirst().orElse("").strip();
    }
}
