package dev.studentapi.sqlite;

import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.MethodThrottles;
import dev.studentapi.core.usage.QuotaPeriod;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Usage plans, their API stages, their method throttles and their key bindings in the {@code usage_plans},
 * {@code usage_plan_stages}, {@code usage_plan_method_throttles} and {@code usage_plan_keys} tables of a SQLite
 * database. Safe for concurrent use and across processes; every
 * change is one transaction, visible to every reader when it commits. Engine failures throw
 * {@link dev.studentapi.core.StoreException}.
 */
public final class SqliteUsagePlanStore implements UsagePlanStore {

    private static final String SELECT_PLANS = "SELECT p.id, p.name, p.description, p.throttle_rate, "
            + "p.throttle_burst, p.quota_limit, p.quota_period, p.quota_offset, p.tags FROM usage_plans p ";

    /** The plans of each key kept between commits: every request with a key asks for them. */
    private static final int CACHED_KEYS = 10_000;

    private final SqliteDatabase database;
    private final CommitScopedCache<String, List<UsagePlan>> plansByKey;

    public SqliteUsagePlanStore(SqliteDatabase database) {
        this.database = database;
        this.plansByKey = new CommitScopedCache<>(database, CACHED_KEYS);
    }

    @Override
    public boolean create(UsagePlan plan) {
        return database.write("create a usage plan", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO usage_plans (name, "
                    + "description, throttle_rate, throttle_burst, quota_limit, quota_period, quota_offset, tags, id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindFields(statement, plan);
                statement.executeUpdate();
            } catch (SQLException e) {
                if (SqliteFailure.violatesUniqueness(e)) {
                    return false;
                }
                throw e;
            }
            insertStages(connection, plan);
            insertMethodThrottles(connection, plan);
            return true;
        });
    }

    @Override
    public Optional<UsagePlan> findById(String id) {
        return database.read("find a usage plan", connection ->
                plans(connection, "WHERE p.id = ?", id).stream().findFirst());
    }

    @Override
    public List<UsagePlan> list() {
        return database.read("list usage plans", connection -> plans(connection, "ORDER BY p.name, p.id", null));
    }

    @Override
    public boolean update(UsagePlan plan) {
        return database.write("update a usage plan", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE usage_plans SET name = ?, "
                    + "description = ?, throttle_rate = ?, throttle_burst = ?, quota_limit = ?, quota_period = ?, "
                    + "quota_offset = ?, tags = ? WHERE id = ?")) {
                bindFields(statement, plan);
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            for (String table : List.of("usage_plan_stages", "usage_plan_method_throttles")) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE plan_id = ?")) {
                    statement.setString(1, plan.id());
                    statement.executeUpdate();
                }
            }
            insertStages(connection, plan);
            insertMethodThrottles(connection, plan);
            return true;
        });
    }

    @Override
    public boolean delete(String id) {
        return changeOne("delete a usage plan", "DELETE FROM usage_plans WHERE id = ?", id);
    }

    @Override
    public boolean bindKey(String planId, String keyId) {
        return changeOne("bind an API key to a usage plan",
                "INSERT OR IGNORE INTO usage_plan_keys (plan_id, key_id) SELECT id, ? FROM usage_plans WHERE id = ?",
                keyId, planId);
    }

    @Override
    public boolean unbindKey(String planId, String keyId) {
        return changeOne("unbind an API key from a usage plan",
                "DELETE FROM usage_plan_keys WHERE plan_id = ? AND key_id = ?", planId, keyId);
    }

    @Override
    public List<String> keyIds(String planId) {
        return database.read("list the keys of a usage plan", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT key_id FROM usage_plan_keys WHERE plan_id = ? ORDER BY key_id")) {
                statement.setString(1, planId);
                List<String> keyIds = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        keyIds.add(rows.getString(1));
                    }
                }
                return keyIds;
            }
        });
    }

    @Override
    public List<UsagePlan> plansOfKey(String keyId) {
        return plansByKey.get(keyId, id -> List.copyOf(database.read("list the usage plans of a key",
                connection -> plans(connection,
                        "JOIN usage_plan_keys k ON k.plan_id = p.id WHERE k.key_id = ? ORDER BY p.name, p.id", id))));
    }

    private boolean changeOne(String operation, String sql, String... parameters) {
        return database.write(operation, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Binds name, description, throttle, quota, tags and, last, the id. */
    private static void bindFields(PreparedStatement statement, UsagePlan plan) throws SQLException {
        statement.setString(1, plan.name());
        statement.setString(2, plan.description());
        ThrottleSettings throttle = plan.throttle();
        statement.setObject(3, throttle == null ? null : throttle.rateLimit(), Types.REAL);
        statement.setObject(4, throttle == null ? null : throttle.burstLimit(), Types.INTEGER);
        QuotaSettings quota = plan.quota();
        statement.setObject(5, quota == null ? null : quota.limit(), Types.BIGINT);
        statement.setObject(6, quota == null ? null : quota.period().name(), Types.VARCHAR);
        statement.setObject(7, quota == null ? null : quota.offset(), Types.INTEGER);
        statement.setString(8, TagText.write(plan.tags()));
        statement.setString(9, plan.id());
    }

    private static void insertStages(Connection connection, UsagePlan plan) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO usage_plan_stages (plan_id, position, api_id, stage) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < plan.apiStages().size(); i++) {
                statement.setString(1, plan.id());
                statement.setInt(2, i);
                statement.setString(3, plan.apiStages().get(i).apiId());
                statement.setString(4, plan.apiStages().get(i).stage());
                statement.executeUpdate();
            }
        }
    }

    private static void insertMethodThrottles(Connection connection, UsagePlan plan) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO usage_plan_method_throttles "
                + "(plan_id, api_id, stage, method_key, rate, burst) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<ApiStage, MethodThrottles> stage : plan.methodThrottles().entrySet()) {
                for (Map.Entry<String, ThrottleSettings> method : stage.getValue().byMethod().entrySet()) {
                    statement.setString(1, plan.id());
                    statement.setString(2, stage.getKey().apiId());
                    statement.setString(3, stage.getKey().stage());
                    statement.setString(4, method.getKey());
                    statement.setDouble(5, method.getValue().rateLimit());
                    statement.setInt(6, method.getValue().burstLimit());
                    statement.executeUpdate();
                }
            }
        }
    }

    /** The plans selected by {@code clause} (with at most one parameter), each with its stages. */
    private List<UsagePlan> plans(Connection connection, String clause, String parameter) throws SQLException {
        List<UsagePlan> plans = new ArrayList<>();
        PreparedStatement statement = database.prepared(connection, SELECT_PLANS + clause);
        if (parameter != null) {
            statement.setString(1, parameter);
        }
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                plans.add(plan(rows));
            }
        }
        List<UsagePlan> withStages = new ArrayList<>(plans.size());
        for (UsagePlan plan : plans) {
            withStages.add(plan.withApiStages(stages(connection, plan.id()))
                    .withMethodThrottles(methodThrottles(connection, plan.id())));
        }
        return withStages;
    }

    private static UsagePlan plan(ResultSet rows) throws SQLException {
        double rate = rows.getDouble(4);
        ThrottleSettings throttle = rows.wasNull() ? null : new ThrottleSettings(rate, rows.getInt(5));
        long limit = rows.getLong(6);
        QuotaSettings quota = rows.wasNull() ? null
                : new QuotaSettings(limit, QuotaPeriod.valueOf(rows.getString(7)), rows.getInt(8));
        return new UsagePlan(rows.getString(1), rows.getString(2), rows.getString(3), throttle, quota, List.of(),
                TagText.read(rows.getString(9)));
    }

    private List<ApiStage> stages(Connection connection, String planId) throws SQLException {
        PreparedStatement statement = database.prepared(connection,
                "SELECT api_id, stage FROM usage_plan_stages WHERE plan_id = ? ORDER BY position");
        statement.setString(1, planId);
        List<ApiStage> stages = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                stages.add(new ApiStage(rows.getString(1), rows.getString(2)));
            }
        }
        return stages;
    }

    private Map<ApiStage, MethodThrottles> methodThrottles(Connection connection, String planId) throws SQLException {
        PreparedStatement statement = database.prepared(connection, "SELECT api_id, stage, method_key, rate, burst "
                + "FROM usage_plan_method_throttles WHERE plan_id = ?");
        statement.setString(1, planId);
        Map<ApiStage, Map<String, ThrottleSettings>> byStage = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                byStage.computeIfAbsent(new ApiStage(rows.getString(1), rows.getString(2)), s -> new LinkedHashMap<>())
                        .put(rows.getString(3), new ThrottleSettings(rows.getDouble(4), rows.getInt(5)));
            }
        }
        Map<ApiStage, MethodThrottles> throttles = new LinkedHashMap<>();
        byStage.forEach((stage, byMethod) -> throttles.put(stage, new MethodThrottles(byMethod)));
        return throttles;
    }
}
