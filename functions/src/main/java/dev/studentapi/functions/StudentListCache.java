package dev.studentapi.functions;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The last list response, answered again while the store's change version stays the same, so that a write is in
 * the very next list. After a change, one caller builds the new list and the callers that arrive meanwhile wait
 * for that build instead of each building their own. A failed build is not kept; neither is a list larger than
 * the limit. Safe for concurrent use.
 */
public final class StudentListCache {

    /** A list response (being built, or built) and the change version read before it was built. */
    private record Entry(long version, CompletableFuture<ApiResponse> response) {
    }

    private final Supplier<OptionalLong> changeVersion;
    private final Supplier<ApiResponse> build;
    private final int maxReusedBytes;
    private final AtomicReference<Entry> last = new AtomicReference<>();

    /**
     * A cache over {@code build}, keyed by {@code changeVersion} (empty: nothing may be reused), keeping
     * responses of at most {@code maxReusedBytes}.
     */
    public StudentListCache(Supplier<OptionalLong> changeVersion, Supplier<ApiResponse> build, int maxReusedBytes) {
        this.changeVersion = changeVersion;
        this.build = build;
        this.maxReusedBytes = maxReusedBytes;
    }

    /** The list response for the store as it is now. */
    public ApiResponse get() {
        OptionalLong reported = changeVersion.get();
        if (reported.isEmpty()) {
            return build.get();
        }
        long version = reported.getAsLong();
        Entry seen = last.get();
        if (seen == null || seen.version() != version) {
            Entry mine = new Entry(version, new CompletableFuture<>());
            if (last.compareAndSet(seen, mine)) {
                return buildInto(mine);
            }
            seen = last.get();
            if (seen == null || seen.version() != version) {
                return build.get();
            }
        }
        return await(seen);
    }

    private ApiResponse buildInto(Entry entry) {
        ApiResponse response;
        try {
            response = build.get();
        } catch (RuntimeException e) {
            last.compareAndSet(entry, null);
            entry.response().completeExceptionally(e);
            throw e;
        }
        entry.response().complete(response);
        if (response.body().length > maxReusedBytes) {
            last.compareAndSet(entry, null);
        }
        return response;
    }

    private static ApiResponse await(Entry entry) {
        try {
            return entry.response().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
