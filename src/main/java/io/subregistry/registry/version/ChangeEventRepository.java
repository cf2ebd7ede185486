package io.subregistry.registry.version;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.FieldChange;
import io.subregistry.platform.database.Sql;
import io.subregistry.registry.Subprocessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The change events computed once at publish, in the order the diff gave them. */
@ApplicationScoped
public class ChangeEventRepository {

    private static final TypeReference<List<FieldChange>> FIELD_CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<Subprocessor> SUBPROCESSOR = new TypeReference<>() {
    };
    private static final String SELECT = """
            select e.id, e.version_number, e.seq, v.published_at, v.effective_at, e.type, e.subprocessor_id, e.name,
                   e.section_key, e.from_section_key, e.field_changes::text, e.entry::text
              from change_event e join version v on v.number = e.version_number
            """;

    private final Sql sql;
    private final ObjectMapper json;

    public ChangeEventRepository(Sql sql, ObjectMapper json) {
        this.sql = sql;
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
        sql.update("record the changes of version " + version, """
                insert into change_event (version_number, seq, type, subprocessor_id, name, section_key,
                                          from_section_key, field_changes, entry)
                select ?, s, t, i, n, k, f, c::jsonb, e::jsonb
                  from unnest(?::int[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       as u(s, t, i, n, k, f, c, e)""", insert -> {
            insert.setInt(1, version);
            insert.setArray(2, insert.getConnection().createArrayOf("int4", sequence));
            insert.setArray(3, insert.getConnection().createArrayOf("text", types));
            insert.setArray(4, insert.getConnection().createArrayOf("uuid", ids));
            insert.setArray(5, insert.getConnection().createArrayOf("text", names));
            insert.setArray(6, insert.getConnection().createArrayOf("text", sections));
            insert.setArray(7, insert.getConnection().createArrayOf("text", fromSections));
            insert.setArray(8, insert.getConnection().createArrayOf("text", fields));
            insert.setArray(9, insert.getConnection().createArrayOf("text", entries));
        });
    }

    public List<RecordedChange> ofVersion(int version) {
        return sql.list("read the changes of version " + version, SELECT + " where e.version_number = ? order by e.seq",
                statement -> statement.setInt(1, version), this::recorded);
    }

    /** Events of versions published at or after {@code since}, oldest first, after the event id {@code after}. */
    public List<RecordedChange> publishedSince(Instant since, long after, int limit) {
        return sql.list("read change events", SELECT + " where v.published_at >= ? and e.id > ? order by e.id limit ?",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(since));
                    statement.setLong(2, after);
                    statement.setInt(3, limit);
                }, this::recorded);
    }

    /** How many events of one type a version has. */
    private record TypeCount(ChangeType type, int count) {
    }

    /** How many events of each type a version has (types it has none of are absent). */
    public Map<ChangeType, Integer> countsOf(int version) {
        Map<ChangeType, Integer> counts = new EnumMap<>(ChangeType.class);
        sql.list("count the changes of version " + version,
                        "select type, count(*) from change_event where version_number = ? group by type",
                        statement -> statement.setInt(1, version),
                        row -> new TypeCount(ChangeType.valueOf(row.getString(1)), row.getInt(2)))
                .forEach(count -> counts.put(count.type(), count.count()));
        return counts;
    }

    /** The newest events first, for feeds. */
    public List<RecordedChange> newest(int limit) {
        return sql.list("read change events", SELECT + " order by e.id desc limit ?",
                statement -> statement.setInt(1, limit), this::recorded);
    }

    private RecordedChange recorded(ResultSet row) throws SQLException {
        String entry = row.getString(12);
        Change change = new Change(ChangeType.valueOf(row.getString(6)), row.getObject(7, UUID.class),
                row.getString(8), row.getString(9), row.getString(10), read(row.getString(11), FIELD_CHANGES),
                entry == null ? null : read(entry, SUBPROCESSOR));
        return new RecordedChange(row.getLong(1), row.getInt(2), row.getInt(3),
                row.getTimestamp(4).toInstant(), row.getTimestamp(5).toInstant(), change);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change event holds JSON this version cannot read", e);
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
