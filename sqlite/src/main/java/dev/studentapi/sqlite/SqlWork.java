package dev.studentapi.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a borrowed connection inside one transaction; may throw one checked exception of its own. */
@FunctionalInterface
interface SqlWork<T, X extends Exception> {
    T apply(Connection connection) throws SQLException, X;
}
