package io.subregistry.registry.version;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.subregistry.registry.Section;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.Subprocessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Published versions. Headers go through Panache; a snapshot's rows are written and read with
 * set-based SQL (one {@code unnest} insert per table), which keeps a 10,000-entry publish fast.
 */
@ApplicationScoped
public class VersionRepository implements PanacheRepositoryBase<Version, Integer> {

    private final AgroalDataSource dataSource;

    public VersionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Version> latest() {
        return find("order by number desc").firstResultOptional();
    }

    public List<Version> oldestFirst() {
        return listAll(Sort.by("number"));
    }

    public Optional<Version> byNumber(int number) {
        return findByIdOptional(number);
    }

    /** Reads the sections and entries of a version, in page order. */
    public Snapshot snapshotOf(int number) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<Subprocessor>> bySection = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select subprocessor_id, section_key, name, legal_address, location, processing_activity,
                           website, data_categories, transfer_mechanism, dpa_url
                      from version_entry where version_number = ?""")) {
                select.setInt(1, number);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        bySection.computeIfAbsent(rows.getString(2), key -> new ArrayList<>()).add(new Subprocessor(
                                rows.getObject(1, UUID.class), rows.getString(3), rows.getString(4), rows.getString(5),
                                rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                                rows.getString(10)));
                    }
                }
            }
            List<Section> sections = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select key, title, description, note from version_section where version_number = ? order by position")) {
                select.setInt(1, number);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sections.add(new Section(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), bySection.getOrDefault(rows.getString(1), List.of())));
                    }
                }
            }
            return new Snapshot(sections);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read version " + number, e);
        }
    }

    /**
     * Writes a version: its rows first, its header last. The header's arrival seals the version
     * (see the triggers in V1__registry.sql), and its insert trigger checks the hash chain.
     */
    public void insert(VersionContent content, String previousHash, String hash) {
        try (Connection connection = dataSource.getConnection()) {
            insertSections(connection, content);
            insertEntries(connection, content);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into version (number, published_at, effective_at, summary, publisher, emergency_reason,
                                         notice_period_days, entry_count, previous_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setInt(1, content.number());
                insert.setTimestamp(2, Timestamp.from(content.publishedAt()));
                insert.setTimestamp(3, Timestamp.from(content.effectiveAt()));
                insert.setString(4, content.summary());
                insert.setString(5, content.publisher());
                insert.setString(6, content.emergencyReason());
                insert.setInt(7, content.noticePeriodDays());
                insert.setInt(8, content.snapshot().size());
                insert.setString(9, previousHash);
                insert.setString(10, hash);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("could not write version " + content.number(), e);
        }
    }

    private static void insertSections(Connection connection, VersionContent content) throws SQLException {
        List<Section> sections = content.snapshot().sections();
        int size = sections.size();
        Integer[] positions = new Integer[size];
        String[] keys = new String[size];
        String[] titles = new String[size];
        String[] descriptions = new String[size];
        String[] notes = new String[size];
        for (int i = 0; i < size; i++) {
            Section section = sections.get(i);
            positions[i] = i;
            keys[i] = section.key();
            titles[i] = section.title();
            descriptions[i] = section.description();
            notes[i] = section.note();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into version_section (version_number, position, key, title, description, note)
                select ?, * from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[])""")) {
            insert.setInt(1, content.number());
            insert.setArray(2, connection.createArrayOf("int4", positions));
            insert.setArray(3, connection.createArrayOf("text", keys));
            insert.setArray(4, connection.createArrayOf("text", titles));
            insert.setArray(5, connection.createArrayOf("text", descriptions));
            insert.setArray(6, connection.createArrayOf("text", notes));
            insert.executeUpdate();
        }
    }

    private static void insertEntries(Connection connection, VersionContent content) throws SQLException {
        int size = content.snapshot().size();
        UUID[] ids = new UUID[size];
        String[][] columns = new String[9][size];
        int row = 0;
        for (Section section : content.snapshot().sections()) {
            for (Subprocessor entry : section.subprocessors()) {
                ids[row] = entry.id();
                columns[0][row] = section.key();
                columns[1][row] = entry.name();
                columns[2][row] = entry.legalAddress();
                columns[3][row] = entry.location();
                columns[4][row] = entry.processingActivity();
                columns[5][row] = entry.website();
                columns[6][row] = entry.dataCategories();
                columns[7][row] = entry.transferMechanism();
                columns[8][row] = entry.dpaUrl();
                row++;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into version_entry (version_number, subprocessor_id, section_key, name, legal_address, location,
                                           processing_activity, website, data_categories, transfer_mechanism, dpa_url)
                select ?, * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                        ?::text[], ?::text[], ?::text[])""")) {
            insert.setInt(1, content.number());
            insert.setArray(2, connection.createArrayOf("uuid", ids));
            for (int column = 0; column < columns.length; column++) {
                insert.setArray(3 + column, connection.createArrayOf("text", columns[column]));
            }
            insert.executeUpdate();
        }
    }
}
