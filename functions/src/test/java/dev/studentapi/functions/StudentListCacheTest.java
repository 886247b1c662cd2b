package dev.studentapi.functions;

import dev.studentapi.core.student.Student;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudentListCacheTest {

    private final VersionedStudentStore store = new VersionedStudentStore();
    private final AtomicInteger builds = new AtomicInteger();
    /** What a build does beyond counting itself and listing the store; replaced by tests. */
    private volatile Supplier<ApiResponse> build = this::ids;
    private StudentListCache cache = cacheUpTo(1024);

    private StudentListCache cacheUpTo(int maxBytes) {
        return new StudentListCache(store::changeVersion, () -> {
            builds.incrementAndGet();
            return build.get();
        }, maxBytes);
    }

    /** The ids in the store, comma-separated, as a response body. */
    private ApiResponse ids() {
        List<String> ids = store.listAll().stream().map(Student::studentId).toList();
        return new ApiResponse(200, String.join(",", ids).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void answersTheSameResponseWhileTheVersionIsUnchanged() {
        store.insert(student("SV001"));

        ApiResponse first = cache.get();
        ApiResponse second = cache.get();

        assertThat(second).isSameAs(first);
        assertThat(second.bodyText()).isEqualTo("SV001");
        assertThat(builds).hasValue(1);
    }

    @Test
    void rebuildsAfterAWriteSoTheNextListHasIt() {
        store.insert(student("SV001"));
        cache.get();

        store.insert(student("SV002"));

        assertThat(cache.get().bodyText()).isEqualTo("SV001,SV002");
        assertThat(builds).hasValue(2);
    }

    @Test
    void rebuildsAfterAChangeReportedFromElsewhere() {
        ApiResponse before = cache.get();

        store.reportChange();

        assertThat(cache.get()).isNotSameAs(before);
        assertThat(builds).hasValue(2);
    }

    @Test
    void buildsEveryTimeWhenTheStoreReportsNoVersion() {
        store.stopReportingVersions();

        cache.get();
        cache.get();

        assertThat(builds).hasValue(2);
    }

    @Test
    void doesNotKeepAListLargerThanTheLimit() {
        cache = cacheUpTo(10);
        store.insert(student("SV001"));
        store.insert(student("SV002"));

        assertThat(cache.get().bodyText()).isEqualTo("SV001,SV002");
        cache.get();

        assertThat(builds).hasValue(2);
    }

    @Test
    void keepsAListOfExactlyTheLimit() {
        cache = cacheUpTo(5);
        store.insert(student("SV001"));

        cache.get();
        cache.get();

        assertThat(builds).hasValue(1);
    }

    @Nested
    class Failures {

        @Test
        void aFailedBuildIsNotKept() {
            build = () -> {
                throw new IllegalStateException("engine down");
            };
            assertThatThrownBy(cache::get).isInstanceOf(IllegalStateException.class).hasMessage("engine down");

            build = StudentListCacheTest.this::ids;
            store.insert(student("SV001"));
            store.reportChange();

            assertThat(cache.get().bodyText()).isEqualTo("SV001");
        }

        @Test
        void aFailedBuildIsRetriedAtTheSameVersion() {
            build = () -> {
                throw new IllegalStateException("engine down");
            };
            assertThatThrownBy(cache::get).hasMessage("engine down");

            build = StudentListCacheTest.this::ids;

            assertThat(cache.get().bodyText()).isEmpty();
            assertThat(builds).hasValue(2);
        }
    }

    @Nested
    class ConcurrentCallers {

        private static final int WAITERS = 4;

        @Test
        void shareTheOneBuildThatIsRunning() throws Exception {
            List<Object> answers = whileTheFirstBuildRuns(StudentListCacheTest.this::ids);

            assertThat(builds).hasValue(1);
            assertThat(answers).hasSize(WAITERS + 1).allSatisfy(answer -> assertThat(answer).isSameAs(answers.get(0)));
        }

        @Test
        void allSeeTheFailureOfTheBuildTheyWaitedFor() throws Exception {
            IllegalStateException failure = new IllegalStateException("engine down");

            List<Object> answers = whileTheFirstBuildRuns(() -> {
                throw failure;
            });

            assertThat(builds).hasValue(1);
            assertThat(answers).hasSize(WAITERS + 1).allSatisfy(answer -> assertThat(answer).isSameAs(failure));
        }

        /**
         * Runs a first call whose build, before it finishes with {@code finish}, lets {@link #WAITERS} more callers
         * arrive and waits until each of them is blocked; returns what every caller got (a response or the
         * exception it threw), the first caller's first.
         */
        private List<Object> whileTheFirstBuildRuns(Supplier<ApiResponse> finish) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(WAITERS);
            List<Thread> arrived = new CopyOnWriteArrayList<>();
            List<Future<Object>> waiting = new ArrayList<>();
            try {
                build = () -> {
                    build = StudentListCacheTest.this::ids;
                    for (int i = 0; i < WAITERS; i++) {
                        waiting.add(pool.submit(() -> {
                            arrived.add(Thread.currentThread());
                            return outcomeOfGet();
                        }));
                    }
                    awaitBlocked(arrived);
                    return finish.get();
                };
                List<Object> answers = new ArrayList<>();
                answers.add(outcomeOfGet());
                for (Future<Object> answer : waiting) {
                    answers.add(answer.get(10, TimeUnit.SECONDS));
                }
                return answers;
            } finally {
                pool.shutdownNow();
            }
        }

        private Object outcomeOfGet() {
            try {
                return cache.get();
            } catch (RuntimeException e) {
                return e;
            }
        }

        private static void awaitBlocked(List<Thread> threads) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (threads.size() < WAITERS || !threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the other callers did not block on the running build");
                }
                Thread.onSpinWait();
            }
        }
    }
}
