package dev.studentapi.sqlite;

import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.ConflictPolicy;
import dev.studentapi.core.student.DuplicateStudentException;
import dev.studentapi.core.student.EncodedStudentSink;
import dev.studentapi.core.student.StoreWrite;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentQuery;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentSource;
import dev.studentapi.core.student.StudentStore;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Students in the {@code students} table of a SQLite database. Safe for concurrent use and across processes:
 * the primary key decides which of two inserts of one id wins, inserts that arrive together share one commit, a conditional change is one {@code UPDATE} or
 * {@code DELETE} whose {@code WHERE} names every expected field, a stream reads one snapshot row by row, and a
 * bulk write is one transaction (all or nothing; readers see the table before it or after it).
 * Engine failures throw {@link dev.studentapi.core.StoreException}.
 */
public final class SqliteStudentStore implements StudentStore {

    static final String COLUMNS = "studentid, name, class, birthdate, email";
    private static final String INSERT_OR_IGNORE =
            "INSERT OR IGNORE INTO students (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM students WHERE studentid = ?";
    private static final String UPDATE = "UPDATE students SET name = ?, class = ?, birthdate = ?, email = ?"
            + " WHERE studentid = ?";
    private static final String EXPECTED = " AND name = ? AND class = ? AND birthdate = ? AND email = ?";
    private static final String DELETE = "DELETE FROM students WHERE studentid = ?";
    private static final String DELETE_ALL = "DELETE FROM students";
    private static final String SELECT_AFTER = "SELECT " + COLUMNS + " FROM students WHERE studentid > ?";
    private static final String AND_CLASS = " AND class = ?";
    private static final String ORDERED = " ORDER BY studentid";
    private static final String LIMITED = " LIMIT ?";
    private static final String EXISTING =
            "SELECT studentid FROM students WHERE studentid IN (SELECT value FROM json_each(?))";

    /** Students sent to SQLite at a time by a bulk write. */
    static final int BATCH = 1000;

    private final SqliteDatabase database;
    private final GroupedInserts inserts;

    public SqliteStudentStore(SqliteDatabase database) {
        this.database = database;
        this.inserts = new GroupedInserts(database);
    }

    /** Group-committed with the inserts that arrive at the same time (see {@link GroupedInserts}). */
    @Override
    public boolean insert(Student student) {
        return inserts.insert(student);
    }

    /** The database's commit counter: any commit to the file, students or not, counts as a change. */
    @Override
    public OptionalLong changeVersion() {
        return OptionalLong.of(database.changeVersion());
    }

    @Override
    public void forEachOrdered(StudentSink sink) throws IOException {
        forEachMatching(StudentQuery.all(), sink);
    }

    @Override
    public Optional<Student> find(String studentId) {
        return database.read("read a student", connection -> {
            PreparedStatement statement = database.prepared(connection, SELECT_ONE);
            statement.setString(1, studentId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(student(rows)) : Optional.empty();
            }
        });
    }

    @Override
    public StoreWrite replace(Student updated, Optional<Student> expected) {
        return database.write("replace a student", connection -> {
            PreparedStatement statement = database.prepared(connection,
                    expected.isPresent() ? UPDATE + EXPECTED : UPDATE);
            bindUpdate(statement, updated);
            if (expected.isPresent()) {
                bindExpected(statement, 6, expected.get());
            }
            return outcome(statement.executeUpdate(), expected);
        });
    }

    @Override
    public StoreWrite delete(String studentId, Optional<Student> expected) {
        return database.write("delete a student", connection -> {
            PreparedStatement statement = database.prepared(connection,
                    expected.isPresent() ? DELETE + EXPECTED : DELETE);
            statement.setString(1, studentId);
            if (expected.isPresent()) {
                bindExpected(statement, 2, expected.get());
            }
            return outcome(statement.executeUpdate(), expected);
        });
    }

    /** One snapshot, by key: {@code WHERE studentid > ? [AND class = ?] ORDER BY studentid}, the text in Java. */
    @Override
    public void forEachMatching(StudentQuery query, StudentSink sink) throws IOException {
        select(query, "list students", rows -> {
            int sent = 0;
            while (sent < query.limit() && rows.next()) {
                Student student = student(rows);
                if (query.matches(student)) {
                    sink.accept(student);
                    sent++;
                }
            }
        });
    }

    /**
     * The same rows as their stored UTF-8 bytes ({@code sqlite3_column_blob} of a TEXT value), never decoded,
     * when the query has no text filter; with one, each row is decoded to be matched.
     */
    @Override
    public void forEachMatchingEncoded(StudentQuery query, EncodedStudentSink sink) throws IOException {
        if (query.hasText()) {
            forEachMatching(query, sink::accept);
            return;
        }
        select(query, "export students", rows -> {
            int sent = 0;
            while (sent < query.limit() && rows.next()) {
                sink.accept(rows.getBytes(1), rows.getBytes(2), rows.getBytes(3), rows.getBytes(4), rows.getBytes(5));
                sent++;
            }
        });
    }

    @Override
    public void forEachOrderedEncoded(EncodedStudentSink sink) throws IOException {
        forEachMatchingEncoded(StudentQuery.all(), sink);
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException, IOException;
    }

    private void select(StudentQuery query, String operation, RowReader reader) throws IOException {
        boolean byClass = query.className().isPresent();
        boolean limitInSql = !query.hasText() && query.limit() != Integer.MAX_VALUE;
        String sql = SELECT_AFTER + (byClass ? AND_CLASS : "") + ORDERED + (limitInSql ? LIMITED : "");
        database.<Void, IOException>read(operation, connection -> {
            PreparedStatement statement = database.prepared(connection, sql);
            int parameter = 1;
            statement.setString(parameter++, query.afterId().orElse(""));
            if (byClass) {
                statement.setString(parameter++, query.className().get());
            }
            if (limitInSql) {
                statement.setInt(parameter, query.limit());
            }
            try (ResultSet rows = statement.executeQuery()) {
                reader.read(rows);
            }
            return null;
        });
    }

    @Override
    public Set<String> existingIds(Collection<String> ids) {
        if (ids.size() > 1000) {
            throw new IllegalArgumentException("at most 1000 ids at a time");
        }
        if (ids.isEmpty()) {
            return Set.of();
        }
        return database.read("look up student ids", connection -> {
            PreparedStatement statement = database.prepared(connection, EXISTING);
            statement.setString(1, JsonArray.of(ids));
            Set<String> stored = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            return stored;
        });
    }

    /**
     * One transaction, in batches of {@value #BATCH}: every student is inserted or ignored; an ignored one is
     * updated (REPLACE), kept (SKIP) or undoes everything with {@link DuplicateStudentException} (FAIL).
     */
    @Override
    public BulkCounts writeAll(StudentSource source, ConflictPolicy policy) throws IOException {
        return database.<BulkCounts, IOException>write("import students", connection -> {
            Batches batches = new Batches(connection, policy);
            source.forEach(batches::add);
            batches.flush();
            return new BulkCounts(batches.inserted, batches.replaced, batches.skipped);
        });
    }

    /** {@link #writeAll} is one transaction: whatever the source throws rolls every row of it back. */
    @Override
    public boolean writesAllOrNothing() {
        return true;
    }

    /** One transaction: every row deleted, every student of the source inserted. */
    @Override
    public BulkCounts replaceAll(StudentSource source) throws IOException {
        return database.<BulkCounts, IOException>write("replace every student", connection -> {
            database.prepared(connection, DELETE_ALL).executeUpdate();
            Batches batches = new Batches(connection, ConflictPolicy.FAIL);
            source.forEach(batches::add);
            batches.flush();
            return new BulkCounts(batches.inserted, 0, 0);
        });
    }

    /** Students of a bulk write, sent to SQLite a batch at a time; holds at most one batch. */
    private final class Batches {
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final ConflictPolicy policy;
        private final List<Student> pending = new ArrayList<>(BATCH);
        private long inserted;
        private long replaced;
        private long skipped;

        Batches(Connection connection, ConflictPolicy policy) throws SQLException {
            this.insert = database.prepared(connection, INSERT_OR_IGNORE);
            this.update = database.prepared(connection, UPDATE);
            this.policy = policy;
        }

        void add(Student student) {
            pending.add(student);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            try {
                for (Student student : pending) {
                    bind(insert, student);
                    insert.addBatch();
                }
                int[] changed = insert.executeBatch();
                boolean updates = false;
                for (int i = 0; i < changed.length; i++) {
                    Student student = pending.get(i);
                    if (changed[i] > 0) {
                        inserted++;
                    } else if (policy == ConflictPolicy.FAIL) {
                        throw new DuplicateStudentException(student.studentId());
                    } else if (policy == ConflictPolicy.SKIP) {
                        skipped++;
                    } else {
                        bindUpdate(update, student);
                        update.addBatch();
                        updates = true;
                        replaced++;
                    }
                }
                if (updates) {
                    update.executeBatch();
                }
            } catch (SQLException e) {
                throw SqliteFailure.of("write students", e);
            } finally {
                pending.clear();
            }
        }
    }

    private static StoreWrite outcome(int changed, Optional<Student> expected) {
        if (changed > 0) {
            return StoreWrite.DONE;
        }
        return expected.isPresent() ? StoreWrite.CHANGED : StoreWrite.ABSENT;
    }

    /** Binds a student to the five parameters of an insert of {@link #COLUMNS}, in that order. */
    static void bind(PreparedStatement statement, Student student) throws SQLException {
        statement.setString(1, student.studentId());
        statement.setString(2, student.name());
        statement.setString(3, student.className());
        statement.setString(4, student.birthdate());
        statement.setString(5, student.email());
    }

    private static void bindUpdate(PreparedStatement statement, Student student) throws SQLException {
        statement.setString(1, student.name());
        statement.setString(2, student.className());
        statement.setString(3, student.birthdate());
        statement.setString(4, student.email());
        statement.setString(5, student.studentId());
    }

    private static void bindExpected(PreparedStatement statement, int first, Student expected) throws SQLException {
        statement.setString(first, expected.name());
        statement.setString(first + 1, expected.className());
        statement.setString(first + 2, expected.birthdate());
        statement.setString(first + 3, expected.email());
    }

    private static Student student(ResultSet rows) throws SQLException {
        return new Student(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5));
    }

    /** A JSON array of strings, for {@code json_each}. */
    private static final class JsonArray {
        private JsonArray() {
        }

        static String of(Collection<String> values) {
            StringBuilder json = new StringBuilder(values.size() * 16).append('[');
            for (String value : values) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"');
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c == '"' || c == '\\') {
                        json.append('\\').append(c);
                    } else if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
                json.append('"');
            }
            return json.append(']').toString();
        }
    }
}
