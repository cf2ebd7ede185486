package io.subregistry.registry.version;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.FieldChange;
import io.subregistry.registry.Subprocessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The change events computed once at publish, in the order the diff gave them. */
@ApplicationScoped
public class ChangeEventRepository {

    private static final TypeReference<List<FieldChange>> FIELD_CHANGES = new TypeReference<>() {
    };
    private static final String SELECT = """
            select e.id, e.version_number, e.seq, v.published_at, v.effective_at, e.type, e.subprocessor_id, e.name,
                   e.section_key, e.from_section_key, e.field_changes::text, e.entry::text
              from change_event e join version v on v.number = e.version_number
            """;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ChangeEventRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void insert(int version, List<Change> changes) {
        int size = changes.size();
        Integer[] sequence = new Integer[size];
        String[] types = new String[size];
        UUID[] ids = new UUID[size];
        String[] names = new String[size];
        String[] sections = new String[size];
        String[] fromSections = new String[size];
        String[] fields = new String[size];
        String[] entries = new String[size];
        for (int i = 0; i < size; i++) {
            Change change = changes.get(i);
            sequence[i] = i;
            types[i] = change.type().name();
            ids[i] = change.subprocessorId();
            names[i] = change.name();
            sections[i] = change.section();
            fromSections[i] = change.fromSection();
            fields[i] = write(change.fields());
            entries[i] = change.entry() == null ? null : write(change.entry());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into change_event (version_number, seq, type, subprocessor_id, name, section_key,
                                               from_section_key, field_changes, entry)
                     select ?, s, t, i, n, k, f, c::jsonb, e::jsonb
                       from unnest(?::int[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                            as u(s, t, i, n, k, f, c, e)""")) {
            insert.setInt(1, version);
            insert.setArray(2, connection.createArrayOf("int4", sequence));
            insert.setArray(3, connection.createArrayOf("text", types));
            insert.setArray(4, connection.createArrayOf("uuid", ids));
            insert.setArray(5, connection.createArrayOf("text", names));
            insert.setArray(6, connection.createArrayOf("text", sections));
            insert.setArray(7, connection.createArrayOf("text", fromSections));
            insert.setArray(8, connection.createArrayOf("text", fields));
            insert.setArray(9, connection.createArrayOf("text", entries));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("could not record the changes of version " + version, e);
        }
    }

    public List<RecordedChange> ofVersion(int version) {
        return query(SELECT + " where e.version_number = ? order by e.seq", statement -> statement.setInt(1, version));
    }

    /** Events of versions published at or after {@code since}, oldest first, after the event id {@code after}. */
    public List<RecordedChange> publishedSince(Instant since, long after, int limit) {
        return query(SELECT + " where v.published_at >= ? and e.id > ? order by e.id limit ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(since));
            statement.setLong(2, after);
            statement.setInt(3, limit);
        });
    }

    /** How many events of each type every version has. */
    public java.util.Map<Integer, java.util.Map<ChangeType, Integer>> countsByVersion() {
        java.util.Map<Integer, java.util.Map<ChangeType, Integer>> counts = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select version_number, type, count(*) from change_event group by version_number, type");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.computeIfAbsent(rows.getInt(1), v -> new java.util.EnumMap<>(ChangeType.class))
                        .put(ChangeType.valueOf(rows.getString(2)), rows.getInt(3));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count change events", e);
        }
    }

    /** The newest events first, for feeds. */
    public List<RecordedChange> newest(int limit) {
        return query(SELECT + " order by e.id desc limit ?", statement -> statement.setInt(1, limit));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<RecordedChange> query(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            binder.bind(select);
            List<RecordedChange> changes = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Change change = new Change(ChangeType.valueOf(rows.getString(6)), rows.getObject(7, UUID.class),
                            rows.getString(8), rows.getString(9), rows.getString(10),
                            json.readValue(rows.getString(11), FIELD_CHANGES),
                            rows.getString(12) == null ? null : json.readValue(rows.getString(12), Subprocessor.class));
                    changes.add(new RecordedChange(rows.getLong(1), rows.getInt(2), rows.getInt(3),
                            rows.getTimestamp(4).toInstant(), rows.getTimestamp(5).toInstant(), change));
                }
            }
            return changes;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read change events", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
