package dev.studentapi.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.core.StoreException;
import dev.studentapi.core.audit.AuditEntry;
import dev.studentapi.core.audit.AuditLog;
import dev.studentapi.core.audit.AuditPage;
import dev.studentapi.core.audit.AuditPosition;
import dev.studentapi.core.audit.AuditQuery;
import dev.studentapi.core.audit.AuditSummary;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log in the {@code audit_log} table, summaries as JSON text; listed newest first through the indexes
 * by target and by caller. Safe for concurrent use and across processes.
 */
public final class SqliteAuditLog implements AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final SqliteDatabase database;

    public SqliteAuditLog(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public void append(AuditEntry entry) {
        String before = json(entry.before());
        String after = json(entry.after());
        database.write("record an audit entry", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT OR IGNORE INTO audit_log "
                    + "(id, time_millis, who, operation, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, entry.id());
                statement.setLong(2, entry.time().toEpochMilli());
                statement.setString(3, entry.who());
                statement.setString(4, entry.operation());
                statement.setString(5, entry.target());
                statement.setString(6, before);
                statement.setString(7, after);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public AuditPage list(AuditQuery query) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, time_millis, who, operation, target, before_json, after_json FROM audit_log WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        query.target().ifPresent(target -> {
            sql.append(" AND target = ?");
            parameters.add(target);
        });
        query.who().ifPresent(who -> {
            sql.append(" AND who = ?");
            parameters.add(who);
        });
        query.after().map(AuditPosition::entryId).ifPresent(id -> {
            sql.append(" AND id < ?");
            parameters.add(id);
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        List<AuditEntry> entries = database.read("list the audit log", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setString(i + 1, parameters.get(i));
                }
                statement.setInt(parameters.size() + 1, query.limit() + 1);
                try (ResultSet rows = statement.executeQuery()) {
                    List<AuditEntry> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(entry(rows));
                    }
                    return found;
                }
            }
        });
        return AuditPage.of(entries, query.limit());
    }

    private static AuditEntry entry(ResultSet rows) throws SQLException {
        return new AuditEntry(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3),
                rows.getString(4), rows.getString(5), summary(rows.getString(6)), summary(rows.getString(7)));
    }

    private static String json(AuditSummary summary) {
        if (summary == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(summary.fields());
        } catch (JsonProcessingException e) {
            throw new StoreException("SQLite: cannot write an audit summary", e);
        }
    }

    private static AuditSummary summary(String json) {
        if (json == null) {
            return null;
        }
        try {
            Map<String, Object> fields = JSON.readValue(json, FIELDS);
            return new AuditSummary(fields);
        } catch (JsonProcessingException e) {
            throw new StoreException("SQLite: an audit summary is not readable", e);
        }
    }
}
