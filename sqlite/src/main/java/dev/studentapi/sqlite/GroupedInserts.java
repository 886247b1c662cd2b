package dev.studentapi.sqlite;

import dev.studentapi.core.StoreException;
import dev.studentapi.core.batch.GroupCommit;
import dev.studentapi.core.student.Student;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts of students that arrive together, written in one {@code BEGIN IMMEDIATE ... COMMIT} (group commit).
 * The caller that finds no batch being written leads: it takes every insert waiting (its own among them), writes
 * them in one transaction and gives each caller its own outcome; the others wait for theirs meanwhile. Each
 * caller returns only after the commit that holds its student, so nothing acknowledged can be lost. An id that
 * is already stored fails only its own insert ({@code ON CONFLICT DO NOTHING}, then the row count); a statement
 * that fails otherwise fails only its caller, and the rest are written again without it; a failed commit fails
 * every caller of that batch. Safe for concurrent use.
 */
final class GroupedInserts {

    /** Inserts written in one transaction at most; more wait for the next one. */
    static final int MAX_BATCH = 512;
    static final String INSERT_NEW = "INSERT INTO students (" + SqliteStudentStore.COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final SqliteDatabase database;
    private final GroupCommit<Pending> batches = new GroupCommit<>(MAX_BATCH, this::writeBatch);

    GroupedInserts(SqliteDatabase database) {
        this.database = database;
    }

    /** Inserts the student once its batch commits; {@code false} when its id was already stored. */
    boolean insert(Student student) {
        Pending mine = new Pending(student);
        batches.submit(mine);
        if (mine.failure != null) {
            throw new StoreException(mine.failure.getMessage(), mine.failure);
        }
        return mine.saved;
    }

    /** How many inserts wait to be taken into a batch (for tests). */
    int waiting() {
        return batches.waiting();
    }

    /** Whether a caller is leading a batch now (for tests). */
    boolean leading() {
        return batches.leading();
    }

    /** Writes a batch (at most {@value #MAX_BATCH}); every insert of it is completed or failed. */
    private void writeBatch(List<Pending> batch) {
        List<Pending> left = batch;
        while (!left.isEmpty()) {
            left = commitOrDrop(left);
        }
    }

    /**
     * One transaction of the batch: when every statement ran, commits and completes all (returning none left);
     * when one failed for another reason than a stored id, rolls back, fails that one and returns the others.
     */
    private List<Pending> commitOrDrop(List<Pending> batch) {
        boolean[] saved = new boolean[batch.size()];
        try {
            database.<Void, RuntimeException>write("insert a student", connection -> {
                PreparedStatement statement = database.prepared(connection, INSERT_NEW);
                for (int i = 0; i < batch.size(); i++) {
                    try {
                        SqliteStudentStore.bind(statement, batch.get(i).student);
                        saved[i] = statement.executeUpdate() > 0;
                    } catch (SQLException e) {
                        throw new StatementFailed(i, e); // rolls the batch back
                    }
                }
                return null;
            });
        } catch (StatementFailed failed) {
            List<Pending> rest = new ArrayList<>(batch);
            rest.remove(failed.index).fail(SqliteFailure.of("insert a student", failed.failure));
            return rest;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(saved[i]);
        }
        return List.of();
    }

    /** One statement of a batch failed (not on a stored id): the batch is rolled back and written without it. */
    private static final class StatementFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final transient SQLException failure;

        StatementFailed(int index, SQLException cause) {
            super(null, null, false, false);
            this.index = index;
            this.failure = cause;
        }
    }

    /** One caller's insert and, once its batch is over, its outcome. */
    private static final class Pending extends GroupCommit.Entry {
        final Student student;
        boolean saved;
        Throwable failure;

        Pending(Student student) {
            this.student = student;
        }

        void complete(boolean wasSaved) {
            saved = wasSaved;
            finish();
        }

        void fail(Throwable cause) {
            if (!finished()) {
                failed(cause);
                finish();
            }
        }

        @Override
        protected void failed(Throwable cause) {
            failure = cause;
        }
    }
}
