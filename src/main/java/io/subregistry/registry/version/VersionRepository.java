package io.subregistry.registry.version;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.subregistry.platform.database.Sql;
import io.subregistry.registry.Section;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.Subprocessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
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

    private final Sql sql;

    public VersionRepository(Sql sql) {
        this.sql = sql;
    }

    /** A version's entry, with the section it is listed in. */
    private record EntryRow(String sectionKey, Subprocessor entry) {
    }

    public Optional<Version> latest() {
        return find("order by number desc").firstResultOptional();
    }

    public List<Version> oldestFirst() {
        return listAll(Sort.by("number"));
    }

    /**
     * The newest version that was not withdrawn: what a new version is compared with, and whose
     * effective date the next one may not precede.
     */
    public Optional<Version> latestStanding() {
        return sql.list("read the newest standing version", """
                        select max(v.number) from version v
                         where not exists (select 1 from version_withdrawal w where w.version_number = v.number)""",
                        Sql.NO_PARAMETERS, row -> (Integer) row.getObject(1))
                .stream().filter(java.util.Objects::nonNull).findFirst().flatMap(this::findByIdOptional);
    }

    /** Every withdrawal, by version number. */
    public Map<Integer, VersionHeader.Withdrawal> withdrawals() {
        Map<Integer, VersionHeader.Withdrawal> all = new HashMap<>();
        sql.list("read withdrawals", "select version_number, withdrawn_at, withdrawn_by, reason from version_withdrawal",
                        Sql.NO_PARAMETERS,
                        row -> Map.entry(row.getInt(1), new VersionHeader.Withdrawal(row.getTimestamp(2).toInstant(),
                                row.getString(3), row.getString(4))))
                .forEach(entry -> all.put(entry.getKey(), entry.getValue()));
        return all;
    }

    /** Records a withdrawal; the database refuses it unless the version is the newest and still upcoming. */
    public void insertWithdrawal(int number, VersionHeader.Withdrawal withdrawal) {
        sql.update("withdraw version " + number,
                "insert into version_withdrawal (version_number, withdrawn_at, withdrawn_by, reason) values (?, ?, ?, ?)",
                insert -> {
                    insert.setInt(1, number);
                    insert.setTimestamp(2, Timestamp.from(withdrawal.at()));
                    insert.setString(3, withdrawal.by());
                    insert.setString(4, withdrawal.reason());
                });
    }

    /** Reads the sections and entries of a version, in page order. */
    public Snapshot snapshotOf(int number) {
        return sql.run("read version " + number, connection -> {
            Map<String, List<Subprocessor>> bySection = new HashMap<>();
            Sql.list(connection, """
                    select subprocessor_id, section_key, name, legal_address, location, processing_activity,
                           website, data_categories, transfer_mechanism, dpa_url
                      from version_entry where version_number = ?""", select -> select.setInt(1, number),
                    row -> new EntryRow(row.getString(2), new Subprocessor(row.getObject(1, UUID.class), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getString(9), row.getString(10))))
                    .forEach(row -> bySection.computeIfAbsent(row.sectionKey(), key -> new ArrayList<>()).add(row.entry()));
            return new Snapshot(Sql.list(connection,
                    "select key, title, description, note from version_section where version_number = ? order by position",
                    select -> select.setInt(1, number),
                    row -> new Section(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            bySection.getOrDefault(row.getString(1), List.of()))));
        });
    }

    /**
     * Writes a version: its rows first, its header last. The header's arrival seals the version
     * (see the triggers in V1__registry.sql), and its insert trigger checks the hash chain.
     */
    public void insert(VersionContent content, String previousHash, String hash) {
        sql.run("write version " + content.number(), connection -> {
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
                return insert.executeUpdate();
            }
        });
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
