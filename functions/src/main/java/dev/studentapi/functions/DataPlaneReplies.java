package dev.studentapi.functions;

import dev.studentapi.core.StoreException;
import dev.studentapi.core.gateway.Admission;
import dev.studentapi.core.gateway.RateLimit;
import dev.studentapi.core.student.StudentValidation;
import dev.studentapi.core.text.Language;
import dev.studentapi.core.text.Text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one mapping from refusals, protocol errors and failures to data-plane responses (server and Lambda). */
public final class DataPlaneReplies {

    /** The header in which API Gateway names the kind of a refusal. */
    public static final String ERROR_TYPE = "x-amzn-ErrorType";

    private final Language language;

    public DataPlaneReplies(Language language) {
        this.language = language;
    }

    /**
     * 403/429 for a refused admission, with x-amzn-ErrorType and Retry-After, and a 429 with the RateLimit headers
     * of the limits it was measured against (the refusing one's {@code t} is the Retry-After);
     * IllegalArgumentException for Admitted.
     */
    public static ApiResponse refusal(Admission admission) {
        if (admission instanceof Admission.Throttled throttled) {
            return gatewayRefusal(429, "TooManyRequestsException", "Too Many Requests", throttled.retryAfter(),
                    rateLimitHeaders(admission));
        }
        if (admission instanceof Admission.QuotaExceeded exceeded) {
            return gatewayRefusal(429, "LimitExceededException", "Limit Exceeded", exceeded.retryAfter(),
                    rateLimitHeaders(admission));
        }
        if (admission instanceof Admission.Forbidden) {
            return gatewayRefusal(403, "ForbiddenException", "Forbidden", null, Map.of());
        }
        throw new IllegalArgumentException("an admitted request is no refusal: " + admission);
    }

    /**
     * The IETF {@code RateLimit-Policy} and {@code RateLimit} headers (draft-ietf-httpapi-ratelimit-headers, as
     * structured-field lists) of an admission: per limit, its quota {@code q} per window {@code w} seconds, and
     * what remains {@code r} with the seconds {@code t} until more is available. Empty when the admission carries
     * no limits (no plan throttle or quota, or a key refused before any was looked at).
     */
    public static Map<String, String> rateLimitHeaders(Admission admission) {
        List<RateLimit> limits = admission.limits();
        if (limits.isEmpty()) {
            return Map.of();
        }
        List<String> policies = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (RateLimit limit : limits) {
            String name = "\"" + limit.policy() + "\"";
            policies.add(name + ";q=" + limit.quota() + ";w=" + Math.max(1, wholeSeconds(limit.window())));
            states.add(name + ";r=" + limit.remaining() + ";t=" + wholeSeconds(limit.reset()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Policy", String.join(", ", policies));
        headers.put("RateLimit", String.join(", ", states));
        return headers;
    }

    /**
     * API Gateway's 403 for a path or method its API does not define: it answers so before looking at any key.
     */
    public static ApiResponse missingAuthenticationToken() {
        return gatewayRefusal(403, "MissingAuthenticationTokenException", "Missing Authentication Token", null,
                Map.of());
    }

    /** API Gateway's own shape: exactly {@code {"message": ...}}, its kind in {@code x-amzn-ErrorType}. */
    private static ApiResponse gatewayRefusal(int status, String errorType, String message, Duration retryAfter,
                                              Map<String, String> more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ERROR_TYPE, errorType);
        if (retryAfter != null) {
            headers.put("Retry-After", Long.toString(wholeSecondsAtLeastOne(retryAfter)));
        }
        headers.putAll(more);
        return JsonBodies.respond(status, headers, json -> {
            json.writeStartObject();
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }

    static long wholeSecondsAtLeastOne(Duration wait) {
        return Math.max(1, wholeSeconds(wait));
    }

    /** The wait in whole seconds, rounded up. */
    private static long wholeSeconds(Duration wait) {
        return Math.max(0, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }

    public ApiResponse notFound() {
        return error(404, ErrorCode.NOT_FOUND, "Not Found");
    }

    /** 405 with {@code Allow}: the methods sorted and comma-separated, OPTIONS last. */
    public ApiResponse methodNotAllowed(Collection<String> allowedMethods) {
        List<String> methods = new ArrayList<>(allowedMethods.stream().map(m -> m.toUpperCase(Locale.ROOT))
                .filter(m -> !m.equals("OPTIONS")).distinct().sorted().toList());
        methods.add("OPTIONS");
        return JsonBodies.error(405, Map.of("Allow", String.join(",", methods)), ErrorCode.METHOD_NOT_ALLOWED,
                "Method Not Allowed");
    }

    public ApiResponse payloadTooLarge() {
        return error(413, ErrorCode.PAYLOAD_TOO_LARGE, "Request Entity Too Large");
    }

    public ApiResponse linkExpired() {
        return JsonBodies.error(403, Map.of(ERROR_TYPE, "AccessDenied"), ErrorCode.LINK_EXPIRED,
                "Request has expired");
    }

    public ApiResponse signatureMismatch() {
        return JsonBodies.error(403, Map.of(ERROR_TYPE, "AccessDenied"), ErrorCode.SIGNATURE_MISMATCH,
                "Signature does not match");
    }

    /** StoreException → 503 SERVICE_UNAVAILABLE (reason = its message); anything else → 500 INTERNAL_ERROR. */
    public ApiResponse failure(Throwable failure) {
        if (failure instanceof StoreException unavailable) {
            return JsonBodies.error(503, Map.of(ERROR_TYPE, "ServiceUnavailableException"),
                    ErrorCode.SERVICE_UNAVAILABLE, "Service Unavailable: " + unavailable.getMessage());
        }
        return error(500, ErrorCode.INTERNAL_ERROR, "Internal server error");
    }

    /** 400 for a body that is not a student object in either shape. */
    public ApiResponse invalidJson() {
        return error(400, ErrorCode.INVALID_JSON, Text.INVALID_DATA.in(language));
    }

    /** 400 naming every refused field with its code and reason. */
    public ApiResponse validationFailed(StudentValidation.Invalid invalid) {
        return ValidationReply.of(invalid, language);
    }

    /** 409 for a student id that is taken. */
    public ApiResponse duplicateStudentId(String studentId) {
        return error(409, ErrorCode.DUPLICATE_STUDENT_ID, Text.DUPLICATE_ID.in(language, studentId));
    }

    /** 400 for a query parameter out of its range, naming the parameter and what it allows. */
    public ApiResponse invalidParameter(String name, String allowed) {
        return JsonBodies.respond(400, json -> {
            json.writeStartObject();
            json.writeStringField("message", Text.INVALID_PARAMETER.in(language, name, allowed));
            json.writeStringField("code", ErrorCode.INVALID_PARAMETER.name());
            json.writeStringField("parameter", name);
            json.writeEndObject();
        });
    }

    /** 500 for a backup that could not be stored. */
    public ApiResponse backupFailed(String reason) {
        return JsonBodies.respond(500, json -> {
            json.writeStartObject();
            json.writeStringField("message", Text.BACKUP_FAILED.in(language, reason));
            json.writeStringField("code", ErrorCode.BACKUP_FAILED.name());
            json.writeStringField("reason", reason);
            json.writeEndObject();
        });
    }

    /** 500 for a backup that was stored and kept while its notice e-mail failed. */
    public ApiResponse backupMailFailed(String reason, String key) {
        return JsonBodies.respond(500, json -> {
            json.writeStartObject();
            json.writeStringField("message", Text.BACKUP_MAIL_FAILED.in(language, reason));
            json.writeStringField("code", ErrorCode.BACKUP_MAIL_FAILED.name());
            json.writeStringField("mailError", reason);
            json.writeStringField("key", key);
            json.writeEndObject();
        });
    }

    /** An error body of this status, code and message, without extra headers. */
    public ApiResponse error(int status, ErrorCode code, String message) {
        return JsonBodies.error(status, Map.of(), code, message);
    }
}
