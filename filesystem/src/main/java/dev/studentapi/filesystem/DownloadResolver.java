package dev.studentapi.filesystem;

import dev.studentapi.core.backup.DownloadLinks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides what a signed download link leads to, for the server's {@code /downloads/<bucket>/<key>} route:
 * it checks the signature and the expiry before it touches the filesystem, and never resolves a file outside
 * {@code <bucketsRoot>/<bucket>}. Safe for concurrent use. Bucket and key arrive already URL-decoded, once.
 */
public final class DownloadResolver implements DownloadLinks {

    private final BucketPaths paths;
    private final LinkSigner signer;
    private final Clock clock;

    public DownloadResolver(Path bucketsRoot, LinkSigner signer, Clock clock) {
        this.paths = new BucketPaths(bucketsRoot);
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public Target resolve(String bucket, String key, String expiresParam, String signatureParam) {
        Optional<Long> expires = parseExpires(expiresParam);
        if (expires.isEmpty() || !signer.verify(bucket, key, expires.get(), signatureParam)) {
            return new Target.Tampered();
        }
        if (clock.instant().getEpochSecond() >= expires.get()) {
            return new Target.Expired();
        }
        Optional<Path> file = paths.file(bucket, key);
        if (file.isEmpty()) {
            return new Target.Tampered();
        }
        return find(bucket, file.get());
    }

    private Target find(String bucket, Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return new Target.Missing();
            }
            Path folder = paths.bucket(bucket).toRealPath();
            if (!file.toRealPath().startsWith(folder)) {
                return new Target.Missing();
            }
            return new Target.Found(file);
        } catch (IOException e) {
            return new Target.Missing(); // deleted or replaced while we looked
        }
    }

    /** The expiry as the canonical decimal a signed link carries; anything else is refused. */
    private static Optional<Long> parseExpires(String param) {
        if (param == null || param.isEmpty() || param.length() > 19) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(param);
            return Long.toString(value).equals(param) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
