package dev.studentapi.functions;

import dev.studentapi.core.student.FieldProblem;
import dev.studentapi.core.student.StudentValidation;
import dev.studentapi.core.student.StudentValidator;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The 400 answer to a refused student: one sentence, {@code VALIDATION_FAILED}, and every field's code and reason
 * in the documented field order (unknown fields after, sorted).
 */
final class ValidationReply {

    private static final Comparator<String> FIELD_ORDER = Comparator.comparingInt((String field) -> {
        int index = StudentValidator.FIELDS.indexOf(field);
        return index < 0 ? Integer.MAX_VALUE : index;
    }).thenComparing(Comparator.naturalOrder());

    private ValidationReply() {
    }

    static ApiResponse of(StudentValidation.Invalid invalid, Language language) {
        Map<String, FieldProblem> problems = invalid.problems();
        List<String> fields = problems.keySet().stream().sorted(FIELD_ORDER).toList();
        String message = message(invalid, fields, language);
        return JsonBodies.respond(400, json -> {
            json.writeStartObject();
            json.writeStringField("message", message);
            json.writeStringField("code", ErrorCode.VALIDATION_FAILED.name());
            json.writeObjectFieldStart("errors");
            for (String field : fields) {
                FieldProblem problem = problems.get(field);
                json.writeObjectFieldStart(field);
                json.writeStringField("code", problem.name());
                json.writeStringField("message", reason(problem).in(language));
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** Missing information first; else the first broken documented field; else the unknown fields. */
    private static String message(StudentValidation.Invalid invalid, List<String> fields, Language language) {
        if (invalid.anyMissing()) {
            return Text.MISSING_FIELDS.in(language);
        }
        Map<String, FieldProblem> problems = invalid.problems();
        for (String field : fields) {
            FieldProblem problem = problems.get(field);
            if (problem != FieldProblem.UNKNOWN_FIELD) {
                return Text.INVALID_FIELD.in(language, field + " " + reason(problem).in(language));
            }
        }
        return Text.UNKNOWN_FIELDS.in(language, String.join(", ", fields));
    }

    /** The words for a field problem. */
    static Text reason(FieldProblem problem) {
        return switch (problem) {
            case REQUIRED -> Text.PROBLEM_REQUIRED;
            case INVALID_TYPE -> Text.PROBLEM_INVALID_TYPE;
            case INVALID_FORMAT -> Text.PROBLEM_INVALID_FORMAT;
            case TOO_LONG -> Text.PROBLEM_TOO_LONG;
            case INVALID_DATE -> Text.PROBLEM_INVALID_DATE;
            case DATE_IN_FUTURE -> Text.PROBLEM_DATE_IN_FUTURE;
            case INVALID_EMAIL -> Text.PROBLEM_INVALID_EMAIL;
            case INVALID_CHARACTERS -> Text.PROBLEM_INVALID_CHARACTERS;
            case UNKNOWN_FIELD -> Text.PROBLEM_UNKNOWN_FIELD;
            case ID_MISMATCH -> Text.PROBLEM_ID_MISMATCH;
        };
    }
}
