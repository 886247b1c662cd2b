package dev.studentapi.controlplane;

import dev.studentapi.core.apikey.ApiKey;
import dev.studentapi.core.Refusal;
import dev.studentapi.core.apikey.ApiKeyChange;
import dev.studentapi.core.apikey.ApiKeyService;
import dev.studentapi.core.usage.UsagePlanService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ImportApiKeys: creates each key of the file with its given value, or, when a key with that value exists,
 * overwrites its name, description and enabled flag; then binds it to the listed usage plans. A row that cannot
 * be imported is skipped with a warning, or, with {@code failOnWarnings}, fails the import before any change.
 */
final class ApiKeyImport {
    private final ApiKeyService keys;
    private final UsagePlanService plans;

    ApiKeyImport(ApiKeyService keys, UsagePlanService plans) {
        this.keys = keys;
        this.plans = plans;
    }

    Representations.ApiKeyIdsJson run(List<ApiKeyCsv.Row> rows, boolean failOnWarnings) {
        List<String> warnings = new ArrayList<>();
        List<ApiKeyCsv.Row> valid = new ArrayList<>();
        for (ApiKeyCsv.Row row : rows) {
            Optional<String> problem = problem(row);
            problem.ifPresentOrElse(warnings::add, () -> valid.add(row));
        }
        if (failOnWarnings && !warnings.isEmpty()) {
            throw new AwsBadRequest("Import failed: " + String.join(" ", warnings));
        }
        List<String> ids = new ArrayList<>();
        for (ApiKeyCsv.Row row : valid) {
            ApiKey key = upsert(row);
            ids.add(key.id());
            for (String planId : row.usagePlanIds()) {
                if (plans.keyIds(planId).contains(key.id())) {
                    continue;
                }
                try {
                    plans.bind(planId, key.id());
                } catch (Refusal e) {
                    if (failOnWarnings) {
                        throw e;
                    }
                    warnings.add("Line " + row.line() + ": " + AwsRefusals.message(e));
                }
            }
        }
        return new Representations.ApiKeyIdsJson(ids, warnings);
    }

    private ApiKey upsert(ApiKeyCsv.Row row) {
        Optional<ApiKey> existing = keys.findByValue(row.key());
        if (existing.isEmpty()) {
            return keys.create(row.name(), row.description(), row.enabled(), Optional.of(row.key())).key();
        }
        return keys.update(existing.get().id(), new ApiKeyChange(row.enabled(), row.name(), row.description()));
    }

    private Optional<String> problem(ApiKeyCsv.Row row) {
        if (row.name() == null || row.name().isBlank()) {
            return Optional.of("Line " + row.line() + ": the Name is empty.");
        }
        try {
            ApiKeyService.requireNewKey(row.name(), row.key());
        } catch (Refusal e) {
            return Optional.of("Line " + row.line() + switch (e.code()) {
                case KEY_NAME_REQUIRED -> ": the Name is empty.";
                case KEY_NAME_TOO_LONG -> ": " + AwsRefusals.message(e);
                default -> ": the Key must be " + ApiKeyService.MIN_CUSTOM_VALUE_LENGTH + " to "
                        + ApiKeyService.MAX_VALUE_LENGTH + " printable ASCII characters.";
            });
        }
        for (String planId : row.usagePlanIds()) {
            try {
                plans.get(planId);
            } catch (Refusal e) {
                return Optional.of("Line " + row.line() + ": invalid usage plan id '" + planId + "'.");
            }
        }
        return Optional.empty();
    }
}
