package dev.studentapi.functions;

import dev.studentapi.core.student.ChangeOutcome;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentPage;
import dev.studentapi.core.student.StudentQuery;
import dev.studentapi.core.student.StudentService;
import dev.studentapi.core.student.StudentTag;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The functions over one student (read, replace, patch, delete, each with its ETag) and over listings (pages by
 * key with a next link, filters, CSV export): parameters and bytes in, answers out.
 */
final class RecordFunctions {

    static final int MAX_LIMIT = 1000;
    /** The parameters that turn the reference's full list into a query. */
    private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor", "class", "q", "format");

    private final StudentService students;
    private final PageCursor cursors;
    private final Language language;
    private final DataPlaneReplies replies;
    private final Supplier<ApiResponse> fullList;

    RecordFunctions(StudentService students, PageCursor cursors, Language language, DataPlaneReplies replies,
                    Supplier<ApiResponse> fullList) {
        this.students = students;
        this.cursors = cursors;
        this.language = language;
        this.replies = replies;
        this.fullList = fullList;
    }

    ApiResponse get(String studentId) {
        return students.find(studentId).map(RecordFunctions::withTag).orElseGet(() -> notFound(studentId));
    }

    ApiResponse replace(String studentId, byte[] body, Optional<String> ifMatch) {
        return SubmittedBody.parse(body).map(fields -> answer(students.replace(studentId, fields, ifMatch)))
                .orElseGet(replies::invalidJson);
    }

    ApiResponse patch(String studentId, byte[] body, Optional<String> ifMatch) {
        return SubmittedBody.parse(body).map(fields -> answer(students.patch(studentId, fields, ifMatch)))
                .orElseGet(replies::invalidJson);
    }

    ApiResponse delete(String studentId, Optional<String> ifMatch) {
        return answer(students.delete(studentId, ifMatch));
    }

    private ApiResponse answer(ChangeOutcome outcome) {
        if (outcome instanceof ChangeOutcome.Changed changed) {
            return withTag(changed.student());
        }
        if (outcome instanceof ChangeOutcome.Deleted) {
            return new ApiResponse(204, new byte[0]);
        }
        if (outcome instanceof ChangeOutcome.NotFound notFound) {
            return notFound(notFound.studentId());
        }
        if (outcome instanceof ChangeOutcome.PreconditionFailed failed) {
            return replies.error(412, ErrorCode.PRECONDITION_FAILED,
                    Text.PRECONDITION_FAILED.in(language, failed.studentId()));
        }
        return replies.validationFailed(((ChangeOutcome.Rejected) outcome).problems());
    }

    private ApiResponse notFound(String studentId) {
        return replies.error(404, ErrorCode.STUDENT_NOT_FOUND, Text.STUDENT_NOT_FOUND.in(language, studentId));
    }

    private static ApiResponse withTag(Student student) {
        return JsonBodies.respond(200, Map.of("ETag", StudentTag.of(student).value()),
                json -> StudentJson.write(json, student));
    }

    /** GET on the students: the full list when nothing is asked, else a page, a filtered list or a CSV. */
    DataPlaneAnswer list(ListRequest request) {
        Map<String, String> query = request.query();
        boolean csv = wantsCsv(query.get("format"), request.accept());
        if (!csv && LIST_PARAMETERS.stream().noneMatch(query::containsKey)) {
            return fullList.get();
        }
        String format = query.get("format");
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            return replies.invalidParameter("format", "csv, json");
        }
        Optional<Integer> limit = Optional.empty();
        if (query.containsKey("limit")) {
            limit = limit(query.get("limit"));
            if (limit.isEmpty()) {
                return replies.invalidParameter("limit", "1-" + MAX_LIMIT);
            }
        }
        Optional<String> after = Optional.empty();
        if (query.containsKey("cursor")) {
            after = cursors.decode(query.get("cursor"));
            if (after.isEmpty()) {
                return replies.error(400, ErrorCode.INVALID_CURSOR, Text.INVALID_CURSOR.in(language));
            }
        }
        StudentQuery studentQuery = new StudentQuery(present(query.get("class")), present(query.get("q")), after,
                limit.orElse(Integer.MAX_VALUE));
        if (csv) {
            return export(studentQuery);
        }
        if (limit.isEmpty()) {
            return JsonBodies.respond(200, json -> {
                json.writeStartArray();
                students.export(studentQuery, student -> StudentJson.write(json, student));
                json.writeEndArray();
            });
        }
        StudentPage page = students.page(studentQuery);
        Map<String, String> headers = page.nextAfter()
                .map(last -> Map.of("Link", "<" + nextLink(request, studentQuery, last) + ">; rel=\"next\""))
                .orElse(Map.of());
        return JsonBodies.respond(200, headers, json -> {
            json.writeStartArray();
            for (Student student : page.students()) {
                StudentJson.write(json, student);
            }
            json.writeEndArray();
        });
    }

    private StreamedResponse export(StudentQuery query) {
        return new StreamedResponse(200, Map.of("Content-Disposition", "attachment; filename=\"students.csv\""),
                StudentCsv.CONTENT_TYPE, out -> {
                    try (StudentCsv csv = StudentCsv.open(out)) {
                        students.exportEncoded(query, csv);
                    }
                });
    }

    private static boolean wantsCsv(String format, Optional<String> accept) {
        if (format != null) {
            return format.equals("csv");
        }
        return accept.map(value -> value.toLowerCase(Locale.ROOT).contains("text/csv")).orElse(false);
    }

    private static Optional<Integer> limit(String value) {
        if (value == null || !value.matches("[0-9]{1,4}")) {
            return Optional.empty();
        }
        int limit = Integer.parseInt(value);
        return limit >= 1 && limit <= MAX_LIMIT ? Optional.of(limit) : Optional.empty();
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }


    /** The next page's link: the same path and filters, the cursor after {@code lastId}. */
    private String nextLink(ListRequest request, StudentQuery query, String lastId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("limit", Integer.toString(query.limit()));
        parameters.put("cursor", cursors.encode(lastId));
        query.className().ifPresent(value -> parameters.put("class", value));
        query.text().ifPresent(value -> parameters.put("q", value));
        if (request.query().containsKey("format")) {
            parameters.put("format", request.query().get("format"));
        }
        StringBuilder link = new StringBuilder(request.path()).append('?');
        parameters.forEach((name, value) -> link.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        link.setLength(link.length() - 1);
        return link.toString();
    }
}
