package dev.studentapi.controlplane;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One allow statement of an IAM-style policy: actions such as {@code apigateway:GET} or {@code apigateway:*} on
 * resources such as {@code arn:aws:apigateway:*::/apikeys*}; {@code *} matches any run of characters. Actions
 * compare without regard to case, as IAM's do; resources exactly.
 */
public record Permission(List<String> actions, List<String> resources) {

    /** Every action on every resource: what the single admin credential has. */
    public static final Permission EVERYTHING = new Permission(List.of("apigateway:*"), List.of("*"));

    public Permission {
        if (actions == null || actions.isEmpty() || actions.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new IllegalArgumentException("an allow statement names at least one action");
        }
        if (resources == null || resources.isEmpty() || resources.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new IllegalArgumentException("an allow statement names at least one resource");
        }
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    /** Whether this statement allows {@code action} ({@code apigateway:POST}) on {@code resource} (an ARN). */
    public boolean allows(String action, String resource) {
        return actions.stream().anyMatch(pattern -> glob(pattern.toLowerCase(Locale.ROOT))
                        .matcher(action.toLowerCase(Locale.ROOT)).matches())
                && resources.stream().anyMatch(pattern -> glob(pattern).matcher(resource).matches());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
