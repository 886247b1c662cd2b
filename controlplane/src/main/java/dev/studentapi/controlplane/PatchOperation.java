package dev.studentapi.controlplane;

import java.util.Locale;

/** One JSON-Patch-like operation of an API Gateway update ({@code op}, {@code path}, {@code value}). */
record PatchOperation(String op, String path, String value, String from) {

    boolean is(String operation, String target) {
        return operation.equalsIgnoreCase(op) && target.equals(path);
    }

    /** The value, required to be present. */
    String requiredValue() {
        if (value == null) {
            throw new AwsBadRequest("Patch operation '" + op + "' on " + path + " requires a value.");
        }
        return value;
    }

    boolean booleanValue() {
        return switch (requiredValue().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new AwsBadRequest("Invalid boolean value '" + value + "' for " + path + ".");
        };
    }

    long longValue() {
        try {
            return Long.parseLong(requiredValue().strip());
        } catch (NumberFormatException e) {
            throw new AwsBadRequest("Invalid number '" + value + "' for " + path + ".");
        }
    }

    double doubleValue() {
        try {
            return Double.parseDouble(requiredValue().strip());
        } catch (NumberFormatException e) {
            throw new AwsBadRequest("Invalid number '" + value + "' for " + path + ".");
        }
    }

    /** API Gateway's refusal of a path, listing the paths it allows (its text has two spaces after "path"). */
    AwsBadRequest invalidPath(String allowed) {
        return new AwsBadRequest("Invalid patch path  '" + path + "' specified for op '" + op + "'. Must be one of: "
                + allowed);
    }

    AwsBadRequest unsupported() {
        return new AwsBadRequest("Invalid patch path '" + path + "' specified for op '" + op + "'.");
    }
}
