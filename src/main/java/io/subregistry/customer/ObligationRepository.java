package io.subregistry.customer;

import io.subregistry.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Obligations and the reads over customers, contacts and the notice outbox they need. Everything
 * that touches every customer (a publish, the status job, a report) is one set-based statement,
 * so it stays fast with tens of thousands of customers.
 */
@ApplicationScoped
public class ObligationRepository {

    /** A customer whose contract governs a date: its notice period. */
    public record Binding(UUID id, String name, int noticePeriodDays) {
    }

    /** An obligation whose status changed. */
    public record Changed(int version, UUID customerId, ObligationStatus status, Instant dueBy, String customerName) {
    }

    /** One obligation with its customer, as reports show it. */
    public record Row(int version, UUID customerId, String name, String reference, int noticePeriodDays,
                      Integer objectionWindowDays, Instant dueBy, int givenDays, ObligationStatus status,
                      Instant notifiedAt, Instant acknowledgedAt, String acknowledgedBy) {
    }

    /** A contact of a customer and its notice of one version (nothing sent: null times). */
    public record ContactNotice(int version, UUID customerId, UUID contactId, String email, String subscriberStatus,
                                boolean failed, String kind, String noticeStatus, Instant sentAt, String messageId) {
    }

    /** A delivery of a version's {@code version.published} event to one of a customer's own endpoints. */
    public record WebhookNotice(int version, String url, String webhookId, String status, Instant deliveredAt, int attempts,
                                Integer lastHttpStatus) {
    }

    /** Customers in scope: no sections (every section) or one of them. */
    private static final String IN_SCOPE = """
            c.archived_at is null and (c.sections is null or c.sections && ?::text[])""";

    /** A contact is live while it is subscribed, not removed, and no mail to it failed for good. */
    static final String LIVE_CONTACT = """
            s.status = 'CONFIRMED' and s.removed_at is null
            and not exists (select 1 from notice f where f.subscriber_id = s.id and f.status = 'FAILED')""";

    private final Sql sql;

    public ObligationRepository(Sql sql) {
        this.sql = sql;
    }

    /** Active customers in scope whose contract a version effective then, published now, would breach; strictest first. */
    public List<Binding> breached(Collection<String> sections, Instant publishedAt, Instant effectiveAt) {
        return sql.list("find the contracts a publish breaches", """
                select c.id, c.name, c.notice_period_days from customer c
                 where %s and ?::timestamptz - make_interval(days => c.notice_period_days) < ?
                 order by c.notice_period_days desc, lower(c.name), c.id""".formatted(IN_SCOPE), statement -> {
            statement.setArray(1, texts(statement, sections));
            statement.setTimestamp(2, Timestamp.from(effectiveAt));
            statement.setTimestamp(3, Timestamp.from(publishedAt));
        }, ObligationRepository::binding);
    }

    /** Active customers in scope with the longest notice period of them all (the ones that bind a date). */
    public List<Binding> strictest(Collection<String> sections) {
        return sql.list("find the strictest contracts", """
                select c.id, c.name, c.notice_period_days from customer c
                 where %s and c.notice_period_days = (select max(c.notice_period_days) from customer c where %s)
                 order by lower(c.name), c.id""".formatted(IN_SCOPE, IN_SCOPE), statement -> {
            statement.setArray(1, texts(statement, sections));
            statement.setArray(2, texts(statement, sections));
        }, ObligationRepository::binding);
    }

    /**
     * One obligation per active customer in scope of a version that needs notice; WAIVED where an
     * emergency gave less notice than the contract.
     */
    public int insert(int version, Collection<String> sections, Instant publishedAt, Instant effectiveAt, boolean emergency) {
        return sql.update("record the obligations of a version", """
                insert into obligation (version_number, customer_id, notice_period_days, due_by, given_days, status)
                select ?, c.id, c.notice_period_days, ?::timestamptz - make_interval(days => c.notice_period_days), ?,
                       case when ? and ?::timestamptz - make_interval(days => c.notice_period_days) < ? then 'WAIVED' else 'PENDING' end
                  from customer c
                 where %s""".formatted(IN_SCOPE), statement -> {
            statement.setInt(1, version);
            statement.setTimestamp(2, Timestamp.from(effectiveAt));
            statement.setInt(3, NoticeTerms.givenDays(publishedAt, effectiveAt));
            statement.setBoolean(4, emergency);
            statement.setTimestamp(5, Timestamp.from(effectiveAt));
            statement.setTimestamp(6, Timestamp.from(publishedAt));
            statement.setArray(7, texts(statement, sections));
        });
    }

    /**
     * Brings every open obligation (not yet notified) up to date in one statement: the first SENT
     * announcement to one of its contacts notifies it (NOTIFIED by the due date, LATE after);
     * otherwise BREACHED once the due date passed, AT_RISK when it is within the risk lead or no
     * contact is live, else PENDING. WAIVED stays WAIVED. Returns what changed.
     */
    public List<Changed> refresh(Instant now, Duration riskLead, Integer onlyVersion) {
        return overAll("update obligation statuses", """
                with open as (
                    select o.version_number, o.customer_id, o.status, o.due_by from obligation o
                     where o.notified_at is null and (?::integer is null or o.version_number = ?)
                ), sent as (
                    select version_number, customer_id, min(at) as first_sent from (
                        select o.version_number, o.customer_id, n.sent_at as at
                          from open o
                          join subscriber s on s.customer_id = o.customer_id
                          join notice n on n.version_number = o.version_number and n.kind = 'ANNOUNCEMENT'
                                       and n.subscriber_id = s.id and n.status = 'SENT'
                        union all
                        -- A 2xx from one of the customer's own webhook endpoints to the version's
                        -- version.published event notifies it as well (README, "Signed webhooks").
                        select o.version_number, o.customer_id, d.delivered_at
                          from open o
                          join webhook_endpoint e on e.customer_id = o.customer_id
                          join webhook_delivery d on d.endpoint_id = e.id and d.status = 'DELIVERED'
                          join webhook_event ev on ev.id = d.event_id and ev.type = 'version.published'
                                               and ev.version_number = o.version_number
                    ) firsts
                     group by version_number, customer_id
                ), live as (
                    select distinct s.customer_id from subscriber s
                     where s.customer_id in (select customer_id from open) and %s
                ), next as (
                    select o.version_number, o.customer_id, sent.first_sent,
                           case when o.status = 'WAIVED' then 'WAIVED'
                                when sent.first_sent is not null and sent.first_sent <= o.due_by then 'NOTIFIED'
                                when sent.first_sent is not null then 'LATE'
                                when o.due_by < ? then 'BREACHED'
                                when live.customer_id is null or o.due_by <= ? then 'AT_RISK'
                                else 'PENDING' end as status
                      from open o
                      left join sent on sent.version_number = o.version_number and sent.customer_id = o.customer_id
                      left join live on live.customer_id = o.customer_id
                )
                update obligation o set status = next.status, notified_at = next.first_sent
                  from next, customer c
                 where o.version_number = next.version_number and o.customer_id = next.customer_id
                   and c.id = o.customer_id
                   and (o.status <> next.status or next.first_sent is not null)
                returning o.version_number, o.customer_id, o.status, o.due_by, c.name""".formatted(LIVE_CONTACT), statement -> {
            if (onlyVersion == null) {
                statement.setNull(1, java.sql.Types.INTEGER);
                statement.setNull(2, java.sql.Types.INTEGER);
            } else {
                statement.setInt(1, onlyVersion);
                statement.setInt(2, onlyVersion);
            }
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setTimestamp(4, Timestamp.from(now.plus(riskLead)));
        }, row -> new Changed(row.getInt(1), row.getObject(2, UUID.class), ObligationStatus.valueOf(row.getString(3)),
                row.getTimestamp(4).toInstant(), row.getString(5)));
    }

    /**
     * One ACK_REMINDER to each live contact that was sent the announcement of a still-upcoming
     * version which nobody of its customer acknowledged within {@code after}. The outbox's
     * one-record-per-kind rule makes it one reminder, whatever instance runs this and how often.
     */
    public int queueAckReminders(Instant now, Duration after) {
        return sql.update("queue acknowledgement reminders", """
                insert into notice (id, subscriber_id, version_number, kind, status, recipient, queued_at, next_attempt_at)
                select gen_random_uuid(), s.id, o.version_number, 'ACK_REMINDER', 'QUEUED', s.email, ?, ?
                  from obligation o
                  join version v on v.number = o.version_number
                  join subscriber s on s.customer_id = o.customer_id
                 where o.acknowledged_at is null and o.notified_at <= ? and v.effective_at > ?
                   and %s
                   and exists (select 1 from notice a where a.version_number = o.version_number and a.kind = 'ANNOUNCEMENT'
                                  and a.subscriber_id = s.id and a.status = 'SENT')
                on conflict do nothing""".formatted(LIVE_CONTACT), statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now.minus(after)));
            statement.setTimestamp(4, Timestamp.from(now));
        });
    }

    /** How many obligations of versions not yet in effect have each status. */
    public Map<ObligationStatus, Long> upcomingTotals(Instant now) {
        Map<ObligationStatus, Long> totals = zeroTotals();
        sql.list("count obligations", """
                select o.status, count(*) from obligation o join version v on v.number = o.version_number
                 where v.effective_at > ? group by o.status""",
                statement -> statement.setTimestamp(1, Timestamp.from(now)),
                row -> totals.put(ObligationStatus.valueOf(row.getString(1)), row.getLong(2)));
        return totals;
    }

    public static Map<ObligationStatus, Long> zeroTotals() {
        Map<ObligationStatus, Long> totals = new EnumMap<>(ObligationStatus.class);
        for (ObligationStatus status : ObligationStatus.values()) {
            totals.put(status, 0L);
        }
        return totals;
    }

    /** The obligations of a version, at-risk and breached first. */
    public List<Row> ofVersion(int version) {
        return rows("o.version_number = ?", statement -> statement.setInt(1, version), true);
    }

    /** The obligations of a customer, oldest version first. */
    public List<Row> ofCustomer(UUID customer) {
        return rows("o.customer_id = ?", statement -> statement.setObject(1, customer), false);
    }

    /** Some obligations by version and customer. */
    public List<Row> of(Collection<Integer> versions, Collection<UUID> customers) {
        return rows("o.version_number = any (?) and o.customer_id = any (?)", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("integer", versions.toArray()));
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", customers.toArray()));
        }, false);
    }

    private List<Row> rows(String where, Sql.Binder binder, boolean many) {
        return read(many, "read obligations", """
                select o.version_number, o.customer_id, c.name, c.reference, o.notice_period_days, c.objection_window_days,
                       o.due_by, o.given_days, o.status, o.notified_at, o.acknowledged_at, o.acknowledged_by
                  from obligation o join customer c on c.id = o.customer_id
                 where %s
                 order by o.version_number,
                          case o.status when 'BREACHED' then 0 when 'AT_RISK' then 1 when 'LATE' then 2 when 'WAIVED' then 3
                                        when 'PENDING' then 4 else 5 end,
                          lower(c.name), c.id""".formatted(where), binder, row -> new Row(row.getInt(1),
                row.getObject(2, UUID.class), row.getString(3), row.getString(4), row.getInt(5),
                row.getObject(6, Integer.class), instant(row, 7), row.getInt(8), ObligationStatus.valueOf(row.getString(9)),
                instant(row, 10), instant(row, 11), row.getString(12)));
    }

    /** Every contact of the customers a version obliges, with its announcement of that version. */
    public List<ContactNotice> contactNoticesOfVersion(int version) {
        return contactNotices(true, """
                from obligation o
                join subscriber s on s.customer_id = o.customer_id
                left join notice n on n.subscriber_id = s.id and n.version_number = o.version_number and n.kind = 'ANNOUNCEMENT'
               where o.version_number = ?""", statement -> statement.setInt(1, version));
    }

    /** Every notice of a version (announcement, reminders, effective-day) to a customer's contacts. */
    public List<ContactNotice> noticesOfCustomer(UUID customer) {
        return contactNotices(false, """
                from obligation o
                join subscriber s on s.customer_id = o.customer_id
                join notice n on n.subscriber_id = s.id and n.version_number = o.version_number
               where o.customer_id = ?""", statement -> statement.setObject(1, customer));
    }

    /**
     * The deliveries of {@code version.published} events to a customer's own endpoints, for the
     * versions that oblige it: the webhook side of its notices (see {@link #refresh}).
     */
    public List<WebhookNotice> webhookNoticesOfCustomer(UUID customer) {
        return sql.list("read a customer's webhook notices", """
                select ev.version_number, e.url, ev.id, d.status, d.delivered_at, d.attempts, d.last_status
                  from obligation o
                  join webhook_endpoint e on e.customer_id = o.customer_id
                  join webhook_delivery d on d.endpoint_id = e.id
                  join webhook_event ev on ev.id = d.event_id and ev.type = 'version.published'
                                       and ev.version_number = o.version_number
                 where o.customer_id = ?
                 order by ev.version_number, e.url, d.queued_at""", statement -> statement.setObject(1, customer),
                row -> new WebhookNotice(row.getInt(1), row.getString(2), row.getString(3), row.getString(4),
                        instant(row, 5), row.getInt(6), row.getObject(7, Integer.class)));
    }

    private List<ContactNotice> contactNotices(boolean many, String from, Sql.Binder binder) {
        return read(many, "read contacts' notices", """
                select o.version_number, o.customer_id, s.id, coalesce(n.recipient, s.email), s.status,
                       exists (select 1 from notice f where f.subscriber_id = s.id and f.status = 'FAILED'),
                       n.kind, n.status, n.sent_at, n.message_id
                """ + from + " order by o.version_number, o.customer_id, lower(s.email), n.queued_at", binder,
                row -> new ContactNotice(row.getInt(1), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                        row.getString(4), row.getString(5), row.getBoolean(6), row.getString(7), row.getString(8),
                        instant(row, 9), row.getString(10)));
    }

    /** The contracts an emergency publish of a version breached. */
    public List<Row> waived(int version) {
        return rows("o.version_number = ? and o.status = 'WAIVED'", statement -> statement.setInt(1, version), false);
    }

    /** Records the first acknowledgement of a customer's notice; later ones change nothing. */
    public int acknowledge(int version, UUID customer, String by, Instant at) {
        return sql.update("record an acknowledgement", """
                update obligation set acknowledged_at = ?, acknowledged_by = ?
                 where version_number = ? and customer_id = ? and acknowledged_at is null""", statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setString(2, by);
            statement.setInt(3, version);
            statement.setObject(4, customer);
        });
    }

    /** The first SENT announcement of a version to any contact of a customer. */
    public Instant firstSent(int version, UUID customer) {
        List<Instant> sent = sql.list("find the first notice", """
                select min(n.sent_at) from notice n join subscriber s on s.id = n.subscriber_id
                 where n.version_number = ? and n.kind = 'ANNOUNCEMENT' and n.status = 'SENT' and s.customer_id = ?""",
                statement -> {
                    statement.setInt(1, version);
                    statement.setObject(2, customer);
                }, row -> instant(row, 1));
        return sent.isEmpty() ? null : sent.get(0);
    }

    /** Of these contacts, those a mail failed to reach for good. */
    public Set<UUID> failedContacts(Collection<UUID> contacts) {
        Set<UUID> failed = new HashSet<>();
        if (contacts.isEmpty()) {
            return failed;
        }
        sql.list("find failed contacts", """
                select distinct subscriber_id from notice where subscriber_id = any (?) and status = 'FAILED'""",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", contacts.toArray())),
                row -> failed.add(row.getObject(1, UUID.class)));
        return failed;
    }

    /** Of these customers, those with an AT_RISK or BREACHED obligation of a version not yet in effect. */
    public Set<UUID> withOpenRisk(Collection<UUID> customers, Instant now) {
        Set<UUID> risky = new HashSet<>();
        if (customers.isEmpty()) {
            return risky;
        }
        sql.list("find customers at risk", """
                select distinct o.customer_id from obligation o join version v on v.number = o.version_number
                 where o.customer_id = any (?) and o.status in ('AT_RISK', 'BREACHED') and v.effective_at > ?""",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("uuid", customers.toArray()));
                    statement.setTimestamp(2, Timestamp.from(now));
                }, row -> risky.add(row.getObject(1, UUID.class)));
        return risky;
    }

    /** A page of customer ids matching the filters, with the total count. */
    public record IdPage(List<UUID> ids, long total) {
    }

    public IdPage search(String q, Boolean atRisk, boolean archived, int page, int size, Instant now) {
        String risk = """
                (not exists (select 1 from subscriber s where s.customer_id = c.id and %s)
                 or exists (select 1 from obligation o join version v on v.number = o.version_number
                             where o.customer_id = c.id and o.status in ('AT_RISK', 'BREACHED') and v.effective_at > ?))"""
                .formatted(LIVE_CONTACT);
        String where = "(c.archived_at is not null) = ?"
                + (q == null ? "" : " and (c.name ilike ? or c.reference ilike ? or exists (select 1 from subscriber s"
                        + " where s.customer_id = c.id and s.removed_at is null and s.email ilike ?))")
                + (atRisk == null ? "" : atRisk ? " and " + risk : " and not " + risk);
        long[] total = {0};
        List<UUID> ids = sql.list("search customers", """
                select c.id, count(*) over () from customer c where %s
                 order by lower(c.name), c.id limit ? offset ?""".formatted(where), statement -> {
            int i = 1;
            statement.setBoolean(i++, archived);
            if (q != null) {
                String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                statement.setString(i++, pattern);
                statement.setString(i++, pattern);
                statement.setString(i++, pattern);
            }
            if (atRisk != null) {
                statement.setTimestamp(i++, Timestamp.from(now));
            }
            statement.setInt(i++, size);
            statement.setLong(i, (long) page * size);
        }, row -> {
            total[0] = row.getLong(2);
            return row.getObject(1, UUID.class);
        });
        return new IdPage(ids, total[0]);
    }

    /** A read over every obligation of a version ({@code many}) or over a few. */
    private <T> List<T> read(boolean many, String what, String query, Sql.Binder binder, Sql.RowReader<T> reader) {
        return many ? overAll(what, query, binder, reader) : sql.list(what, query, binder, reader);
    }

    /**
     * A statement over every obligation of a version (or all open ones), right after a publish
     * wrote thousands of rows the planner has no statistics for yet: estimated as nearly empty,
     * they would be joined by nested loops over sequential scans (minutes at 10,000 customers).
     * Hash joins are right for these whatever the statistics say.
     */
    private <T> List<T> overAll(String what, String query, Sql.Binder binder, Sql.RowReader<T> reader) {
        return sql.run(what, connection -> {
            try (java.sql.Statement set = connection.createStatement()) {
                set.execute("set local enable_nestloop = off");
            }
            try {
                return Sql.list(connection, query, binder, reader);
            } finally {
                try (java.sql.Statement reset = connection.createStatement()) {
                    reset.execute("set local enable_nestloop = on");
                }
            }
        });
    }

    private static Binding binding(ResultSet row) throws SQLException {
        return new Binding(row.getObject(1, UUID.class), row.getString(2), row.getInt(3));
    }

    private static Array texts(PreparedStatement statement, Collection<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray());
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
