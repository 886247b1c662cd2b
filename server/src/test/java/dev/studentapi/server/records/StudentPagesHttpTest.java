package dev.studentapi.server.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.Student;
import dev.studentapi.server.Json;
import dev.studentapi.server.TestServer;
import dev.studentapi.sqlite.SqliteDatabase;
import dev.studentapi.sqlite.SqliteStudentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static dev.studentapi.server.Json.student;
import static org.assertj.core.api.Assertions.assertThat;

/** Pages by key with a next link, filters and CSV export of the students over HTTP on SQLite. */
class StudentPagesHttpTest {

    private static final Pattern NEXT = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

    @TempDir
    Path dataDir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, StudentRecordsHttpTest.GENEROUS_PLAN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String... headers) {
        return server.send("GET", path, null, server.key(), headers);
    }

    private void seed(List<Student> students) throws IOException {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir.resolve("student-api.db"))) {
            new SqliteStudentStore(db).writeAll(sink -> {
                for (Student s : students) {
                    sink.accept(s);
                }
            }, ConflictPolicy.FAIL);
        }
    }

    private static Student named(String id, String name, String className) {
        return new Student(id, name, className, "2003-02-28", id.toLowerCase() + "@example.edu.vn");
    }

    private static Optional<String> next(HttpResponse<String> page) {
        return page.headers().firstValue("Link").map(link -> {
            Matcher m = NEXT.matcher(link);
            assertThat(m.matches()).as(link).isTrue();
            return m.group(1);
        });
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Json.parse(response.body()).forEach(s -> ids.add(s.get("studentid").asText()));
        return ids;
    }

    /** Every id of the walk from {@code first}, following the next links. */
    private List<String> walk(String first) {
        List<String> seen = new ArrayList<>();
        Optional<String> path = Optional.of(first);
        while (path.isPresent()) {
            HttpResponse<String> page = get(path.get());
            seen.addAll(ids(page));
            path = next(page);
        }
        return seen;
    }

    @Test
    void withoutParametersTheListStaysTheFullArray() throws IOException {
        seed(IntStream.range(0, 1500).mapToObj(i -> named(String.format("SV%04d", i), "N" + i, "C")).toList());
        HttpResponse<String> all = get("/prod/students");
        assertThat(ids(all)).hasSize(1500);
        assertThat(all.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void pagesInIdOrderWithANextLinkWhileMoreRemain() throws IOException {
        seed(IntStream.range(0, 25).mapToObj(i -> named(String.format("SV%03d", i), "N" + i, "C")).toList());
        HttpResponse<String> first = get("/prod/students?limit=10");
        assertThat(ids(first)).containsExactlyElementsOf(IntStream.range(0, 10)
                .mapToObj(i -> String.format("SV%03d", i)).toList());
        assertThat(next(first)).hasValueSatisfying(link -> assertThat(link)
                .startsWith("/prod/students?limit=10&cursor="));
        List<String> all = walk("/prod/students?limit=10");
        assertThat(all).hasSize(25).isSorted().doesNotHaveDuplicates();
        HttpResponse<String> exact = get("/prod/students?limit=25");
        assertThat(ids(exact)).hasSize(25);
        assertThat(exact.headers().firstValue("Link")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "ten", "", "1.5"})
    void refusesALimitOutsideOneToAThousand(String limit) {
        HttpResponse<String> response = get("/prod/students?limit=" + limit);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(Json.parse(response.body()).get("message").asText()).contains("limit");
    }

    @Test
    void refusesATamperedCursor() throws IOException {
        seed(IntStream.range(0, 5).mapToObj(i -> named("SV00" + i, "N", "C")).toList());
        String link = next(get("/prod/students?limit=2")).orElseThrow();
        String cursor = link.substring(link.indexOf("cursor=") + 7);
        assertThat(ids(get(link))).containsExactly("SV002", "SV003");
        for (String changed : List.of(flip(cursor, 0), flip(cursor, cursor.length() - 1), cursor + "A",
                cursor.substring(1), "U1YwMDM", "")) {
            HttpResponse<String> response = get("/prod/students?limit=2&cursor="
                    + URLEncoder.encode(changed, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(changed).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"message\":\"Invalid cursor.\",\"code\":\"INVALID_CURSOR\"}");
        }
    }

    private static String flip(String text, int at) {
        char c = text.charAt(at);
        return text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1);
    }

    @Test
    void aCursorOutlivesARestart() throws IOException {
        seed(IntStream.range(0, 5).mapToObj(i -> named("SV00" + i, "N", "C")).toList());
        String link = next(get("/prod/students?limit=2")).orElseThrow();
        String key = server.key();
        server.close();
        server = TestServer.start(dataDir, StudentRecordsHttpTest.GENEROUS_PLAN);
        HttpResponse<String> response = server.send("GET", link, null, key);
        assertThat(ids(response)).containsExactly("SV002", "SV003");
    }

    @Test
    void filtersByClassAndByTextIgnoringCaseAndAccentsAndPagesTheMatches() throws IOException {
        seed(List.of(named("SV001", "Nguyễn Văn An", "CNTT1"), named("SV002", "Trần Thắng", "CNTT1"),
                named("SV003", "Lê Bình", "CNTT2"), named("SV004", "NGUYEN Thi Hoa", "CNTT2"),
                named("SV005", "Phạm Đức", "CNTT1")));
        assertThat(ids(get("/prod/students?class=CNTT1"))).containsExactly("SV001", "SV002", "SV005");
        assertThat(ids(get("/prod/students?q=nguyen"))).containsExactly("SV001", "SV004");
        assertThat(ids(get("/prod/students?q=thang"))).containsExactly("SV002");
        assertThat(ids(get("/prod/students?q=duc"))).containsExactly("SV005");
        assertThat(ids(get("/prod/students?q=sv003"))).containsExactly("SV003");
        assertThat(ids(get("/prod/students?class=CNTT2&q=Nguy%E1%BB%85n"))).containsExactly("SV004");
        assertThat(ids(get("/prod/students?class=cntt1"))).isEmpty();

        HttpResponse<String> first = get("/prod/students?limit=1&class=CNTT1&q=an");
        assertThat(ids(first)).containsExactly("SV001");
        String link = next(first).orElseThrow();
        assertThat(link).contains("class=CNTT1").contains("q=an");
        assertThat(walk("/prod/students?limit=1&class=CNTT1&q=an")).containsExactly("SV001", "SV002");
    }

    @Test
    void walksTenThousandStudentsSeeingEachOnceWhileOthersAreInsertedAndDeleted() throws Exception {
        List<Student> seeded = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            seeded.add(named(String.format("A%05d", i), "Stable " + i, "C"));
            if (i % 20 == 0 && seeded.size() < 11_000) {
                seeded.add(named(String.format("A%05d-d", i), "Doomed " + i, "C"));
            }
        }
        seed(seeded);
        List<String> doomed = seeded.stream().map(Student::studentId).filter(id -> id.endsWith("-d")).toList();
        assertThat(doomed).hasSize(501);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        AtomicInteger writes = new AtomicInteger();
        try {
            Future<List<Integer>> inserts = writers.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    String id = String.format("A%05d-i", (i * 7919) % 10_001);
                    statuses.add(server.post("/prod/students", student(id, "New"), server.key()).statusCode());
                    writes.incrementAndGet();
                }
                return statuses;
            });
            Future<List<Integer>> deletes = writers.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (String id : doomed.subList(0, 500)) {
                    statuses.add(server.send("DELETE", "/prod/students/" + id, null, server.key()).statusCode());
                    writes.incrementAndGet();
                }
                return statuses;
            });
            int writesBefore = writes.get();
            List<String> seen = walk("/prod/students?limit=100");
            int writesDuring = writes.get() - writesBefore;
            assertThat(inserts.get(120, TimeUnit.SECONDS)).containsOnly(201);
            assertThat(deletes.get(120, TimeUnit.SECONDS)).containsOnly(204);

            assertThat(writesDuring).as("writes while walking").isPositive();
            assertThat(seen).doesNotHaveDuplicates().isSorted();
            Map<String, Integer> times = new HashMap<>();
            seen.forEach(id -> times.merge(id, 1, Integer::sum));
            for (int i = 0; i <= 10_000; i++) {
                assertThat(times.get(String.format("A%05d", i))).as("A%05d", i).isEqualTo(1);
            }
            assertThat(times).containsKey(doomed.get(500));
        } finally {
            writers.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void exportsRfc4180CsvWithTheSameFilters(boolean byAcceptHeader) throws IOException {
        seed(List.of(named("SV001", "Nguyễn, \"An\"", "CNTT1"), named("SV002", "Trần Thắng", "CNTT1"),
                named("SV003", "Lê Bình", "CNTT2")));
        HttpResponse<String> csv = byAcceptHeader ? get("/prod/students?class=CNTT1", "Accept", "text/csv")
                : get("/prod/students?class=CNTT1&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("students.csv");
        assertThat(csv.body()).isEqualTo("studentid,name,class,birthdate,email\r\n"
                + "SV001,\"Nguyễn, \"\"An\"\"\",CNTT1,2003-02-28,sv001@example.edu.vn\r\n"
                + "SV002,Trần Thắng,CNTT1,2003-02-28,sv002@example.edu.vn\r\n");
        assertThat(get("/prod/students", "Accept", "text/csv").body()).startsWith("studentid,").contains("SV003");
        assertThat(get("/prod/students?format=json&class=CNTT2").body()).startsWith("[{");
        HttpResponse<String> badFormat = get("/prod/students?format=xml");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(Json.parse(badFormat.body()).get("code").asText()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void theStageRootPagesToo() throws IOException {
        seed(IntStream.range(0, 3).mapToObj(i -> named("SV00" + i, "N", "C")).toList());
        HttpResponse<String> page = get("/prod?limit=2");
        assertThat(ids(page)).containsExactly("SV000", "SV001");
        assertThat(next(page).orElseThrow()).startsWith("/prod?limit=2&cursor=");
        JsonNode last = Json.parse(get(next(page).orElseThrow()).body());
        assertThat(last).hasSize(1);
    }
}
