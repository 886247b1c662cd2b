package dev.studentapi.sqlite;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentStore;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Students in the {@code students} table of a SQLite database. Safe for concurrent use and across processes:
 * the primary key decides which of two inserts of one id wins, and a stream reads one snapshot row by row.
 * Engine failures throw {@link dev.studentapi.core.StoreException}.
 */
public final class SqliteStudentStore implements StudentStore {

    private static final String INSERT =
            "INSERT INTO students (studentid, name, class, birthdate, email) VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT_ORDERED =
            "SELECT studentid, name, class, birthdate, email FROM students ORDER BY studentid";

    private final SqliteDatabase database;

    public SqliteStudentStore(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public boolean insert(Student student) {
        return database.write("insert a student", connection -> {
            try {
                PreparedStatement statement = database.prepared(connection, INSERT);
                statement.setString(1, student.studentId());
                statement.setString(2, student.name());
                statement.setString(3, student.className());
                statement.setString(4, student.birthdate());
                statement.setString(5, student.email());
                statement.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (SqliteFailure.violatesUniqueness(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** The database's commit counter: any commit to the file, students or not, counts as a change. */
    @Override
    public OptionalLong changeVersion() {
        return OptionalLong.of(database.changeVersion());
    }

    @Override
    public void forEachOrdered(StudentSink sink) throws IOException {
        database.<Void, IOException>read("list students", connection -> {
            try (ResultSet rows = database.prepared(connection, SELECT_ORDERED).executeQuery()) {
                while (rows.next()) {
                    sink.accept(new Student(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
            return null;
        });
    }
}
