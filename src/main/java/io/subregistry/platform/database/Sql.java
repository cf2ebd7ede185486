package io.subregistry.platform.database;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way to run hand-written SQL (set-based inserts, {@code SKIP LOCKED} claims, bulk reads
 * that would be slow through entities). It runs on the transaction's connection, reads rows into
 * records, and turns every {@link SQLException} into a {@link PersistenceException} that keeps
 * it as the cause, so the problem mapper sees the SQLState: a serialization failure (40001) is
 * a 409 wherever it happens.
 */
@ApplicationScoped
public class Sql {

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row of a result set into a value (a record). */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Several statements on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public static final Binder NO_PARAMETERS = statement -> {
    };

    private final AgroalDataSource dataSource;

    public Sql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an insert, update or delete; returns the rows it changed. {@code what} names it in errors. */
    public int update(String what, String sql, Binder binder) {
        return run(what, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs a query (or a statement with {@code returning}) and reads every row. */
    public <T> List<T> list(String what, String sql, Binder binder, RowReader<T> reader) {
        return run(what, connection -> list(connection, sql, binder, reader));
    }

    /** Reads every row of a query on a connection already taken by {@link #run}. */
    public static <T> List<T> list(Connection connection, String sql, Binder binder, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        }
    }

    /** Runs several statements on one connection (the transaction's, when one is active). */
    public <T> T run(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new PersistenceException("could not " + what + ": " + e.getMessage(), e);
        }
    }
}
