package dev.studentapi.controlplane;

import dev.studentapi.core.audit.AuditOperation;
import dev.studentapi.core.audit.AuditTrail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A control-plane request that changes something, as the audit log names it: its operation and, when the path
 * says, its target ({@code null} for a creation, whose target the response names; the plan's id for a key added
 * to a plan).
 */
record AuditedRoute(AuditOperation operation, String target) {

    /** Whether the change creates its target, which therefore has no state before it. */
    boolean creation() {
        return switch (operation) {
            case CREATE_API_KEY, IMPORT_API_KEYS, CREATE_USAGE_PLAN, CREATE_USAGE_PLAN_KEY -> true;
            default -> false;
        };
    }

    /** The audited route a request is, if it changes anything. */
    static Optional<AuditedRoute> of(String method, String path, String mode) {
        List<String> s = Arrays.stream(path.split("/")).filter(part -> !part.isEmpty())
                .map(part -> URLDecoder.decode(part, StandardCharsets.UTF_8)).toList();
        String shape = method.toUpperCase(Locale.ROOT) + " " + String.join("/", s.stream()
                .map(part -> "*").toList());
        String first = s.isEmpty() ? "" : s.get(0);
        return Optional.ofNullable(switch (first) {
            case "apikeys" -> switch (shape) {
                case "POST *" -> new AuditedRoute("import".equals(mode) ? AuditOperation.IMPORT_API_KEYS
                        : AuditOperation.CREATE_API_KEY, null);
                case "PATCH */*" -> new AuditedRoute(AuditOperation.UPDATE_API_KEY, s.get(1));
                case "DELETE */*" -> new AuditedRoute(AuditOperation.DELETE_API_KEY, s.get(1));
                default -> null;
            };
            case "usageplans" -> switch (shape) {
                case "POST *" -> new AuditedRoute(AuditOperation.CREATE_USAGE_PLAN, null);
                case "PATCH */*" -> new AuditedRoute(AuditOperation.UPDATE_USAGE_PLAN, s.get(1));
                case "DELETE */*" -> new AuditedRoute(AuditOperation.DELETE_USAGE_PLAN, s.get(1));
                case "POST */*/*" -> s.get(2).equals("keys")
                        ? new AuditedRoute(AuditOperation.CREATE_USAGE_PLAN_KEY, s.get(1)) : null;
                case "DELETE */*/*/*" -> s.get(2).equals("keys")
                        ? new AuditedRoute(AuditOperation.DELETE_USAGE_PLAN_KEY, AuditTrail.planKey(s.get(1), s.get(3)))
                        : null;
                case "PATCH */*/*/*/*" -> s.get(2).equals("keys") && s.get(4).equals("usage")
                        ? new AuditedRoute(AuditOperation.UPDATE_USAGE, AuditTrail.planKey(s.get(1), s.get(3))) : null;
                default -> null;
            };
            case "tags" -> switch (shape) {
                case "POST */*" -> new AuditedRoute(AuditOperation.TAG_RESOURCE, taggedId(s.get(1)));
                case "DELETE */*" -> new AuditedRoute(AuditOperation.UNTAG_RESOURCE, taggedId(s.get(1)));
                default -> null;
            };
            case "studentapi" -> switch (shape) {
                case "PUT */*/*/*" -> s.get(1).equals("apikeys") && s.get(3).equals("expiration")
                        ? new AuditedRoute(AuditOperation.SET_API_KEY_EXPIRATION, s.get(2)) : null;
                case "POST */*/*/*" -> s.get(1).equals("apikeys") && s.get(3).equals("rotate")
                        ? new AuditedRoute(AuditOperation.ROTATE_API_KEY, s.get(2)) : null;
                default -> null;
            };
            default -> null;
        });
    }

    /** The id at the end of a resource ARN ({@code arn:aws:apigateway:region::/apikeys/abc} names {@code abc}). */
    private static String taggedId(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }
}
