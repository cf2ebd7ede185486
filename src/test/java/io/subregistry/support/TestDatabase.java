package io.subregistry.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.cache.CacheManager;
import io.subregistry.sample.SampleData;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the database back to "sample data just loaded" before a test, so tests never depend on
 * each other's order. Published data is append-only, so this wipes it the only way possible:
 * as a superuser with triggers off (session_replication_role = replica). Staff accounts stay.
 */
@ApplicationScoped
public class TestDatabase {

    private final AgroalDataSource dataSource;
    private final SampleData sample;
    private final CacheManager caches;
    private final MutableClock clock;

    public TestDatabase(AgroalDataSource dataSource, SampleData sample, CacheManager caches, MutableClock clock) {
        this.dataSource = dataSource;
        this.sample = sample;
        this.caches = caches;
        this.clock = clock;
    }

    /** An empty registry: no versions, an empty draft, an empty audit log. */
    public void empty() {
        clock.set(MutableClock.START);
        execute("""
                set session_replication_role = replica;
                truncate webhook_attempt, webhook_delivery, webhook_event, webhook_endpoint, obligation, objection, notice, subscriber, customer, version_signature, version_withdrawal, change_event, version_entry, version_section, version,
                         draft_subprocessor, draft_section, audit_event restart identity;
                update draft set revision = 0, updated_at = now(), updated_by = null;
                update brand set company_name = null, accent_color = null, privacy_url = null, dpa_url = null,
                       legal_pages_url = null, contact_email = null, footer = null, binding_language = null, logo = null,
                       logo_type = null, logo_sha256 = null, updated_at = null, updated_by = null;
                delete from staff_session;
                update staff_account set failed_logins = 0, locked_until = null, disabled = false
                 where failed_logins > 0 or locked_until is not null or disabled;
                set session_replication_role = origin;
                """);
        clearCaches();
    }

    /** The registry as on first start: the sample list in versions 1 and 2, the draft equal to version 2. */
    public void sample() {
        empty();
        sample.loadIfEmpty();
        clearCaches();
    }

    /** Published data never changes, so only wiping the database gives a cache reason to be emptied. */
    private void clearCaches() {
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await().indefinitely());
    }

    /** Runs SQL as the superuser, e.g. to prove that the database itself refuses a change. */
    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new DatabaseRefusal(e);
        }
    }

    /** The first column of the first row of a query, as a number (counts). */
    public long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw new DatabaseRefusal(e);
        }
    }

    /** Each row of a query as one line of text, its columns joined by " | " (for failure messages). */
    public List<String> lines(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> lines = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(i > 1 ? " | " : "").append(rows.getString(i));
                }
                lines.add(line.toString());
            }
            return lines;
        } catch (SQLException e) {
            throw new DatabaseRefusal(e);
        }
    }

    /** The database said no. */
    public static class DatabaseRefusal extends RuntimeException {
        DatabaseRefusal(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
