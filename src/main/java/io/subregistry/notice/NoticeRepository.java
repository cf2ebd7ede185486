package io.subregistry.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.subregistry.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The notice outbox. Queueing is set-based (one statement per version or subscriber, so a
 * publish stays fast whatever the number of subscribers), claiming uses {@code FOR UPDATE SKIP
 * LOCKED} so instances never take the same notice, and every outcome is recorded only by the
 * instance that still holds the lease.
 */
@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, UUID> {

    /** Any constant (an advisory lock key of the announcements, see {@link #lockAnnouncements}). */
    private static final long ANNOUNCEMENTS_LOCK = 0x5ab_a77eL;
    private static final String INSERT = """
            insert into notice (id, subscriber_id, version_number, kind, status, recipient, queued_at, next_attempt_at)
            """;

    private final Sql sql;

    public NoticeRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * A time-ordered id (the UUIDv7 layout: 48 bits of milliseconds, the version 7, then 74 random
     * bits): a publish's rows land at the right edge of {@code notice_pkey} instead of all over it.
     */
    private static final String TIME_ORDERED_ID = """
            (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0')
             || '7' || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid""";

    /**
     * Announces a version to every confirmed subscriber following a section it changes. Called in
     * the publishing transaction only, so a plain insert: the version is new and no other
     * transaction can see it, so none can have queued its announcements (an {@code on conflict}
     * clause costs a speculative index probe per row). Rows go in subscriber order with
     * time-ordered ids, so both unique indexes grow at one edge: 0.60-0.69 of the time of random
     * ids in random order at 50,000-100,000 subscribers (bench/queue-insert.sh, bench/README.md
     * section 16). Still one durable row per subscriber, in the publishing transaction.
     */
    public int queueAnnouncements(int version, Instant now) {
        lockAnnouncements("pg_advisory_xact_lock");
        return update(INSERT + "select " + TIME_ORDERED_ID + """
                , s.id, ?, 'ANNOUNCEMENT', 'QUEUED', s.email, ?, ?
                  from subscriber s
                 where s.status = 'CONFIRMED'
                   and (s.sections is null or exists (
                        select 1 from change_event e
                         where e.version_number = ?
                           and (e.section_key = any (s.sections) or e.from_section_key = any (s.sections))))
                 order by s.id""", statement -> {
            statement.setInt(1, version);
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setInt(4, version);
        });
    }

    /** Announces every still-upcoming version that concerns a subscriber who just confirmed. */
    public int queueUpcomingFor(UUID subscriber, Instant now) {
        lockAnnouncements("pg_advisory_xact_lock_shared");
        return update(INSERT + """
                select gen_random_uuid(), s.id, v.number, 'ANNOUNCEMENT', 'QUEUED', s.email, ?, ?
                  from subscriber s join version v on v.effective_at > ?
                 where s.id = ? and s.status = 'CONFIRMED'
                   and not exists (select 1 from version_withdrawal w where w.version_number = v.number)
                   and (s.sections is null or exists (
                        select 1 from change_event e
                         where e.version_number = v.number
                           and (e.section_key = any (s.sections) or e.from_section_key = any (s.sections))))
                on conflict do nothing""", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setObject(4, subscriber);
        });
    }

    /**
     * Reminds those who were announced a version that adds sub-processors, once its objection
     * deadline is within {@code lead}, unless they objected or left. The deadline is the effective
     * date, or for an emergency the end of its notice period ({@code VersionHeader.objectionDeadline}).
     * Versions announced within the lead time anyway, and withdrawn ones, get no reminder.
     */
    public int queueReminders(Instant now, Duration lead) {
        return update(INSERT + """
                select gen_random_uuid(), a.subscriber_id, a.version_number, 'REMINDER', 'QUEUED', s.email, ?, ?
                  from notice a
                  join version v on v.number = a.version_number
                  cross join lateral (select case when v.emergency_reason is null then v.effective_at
                                                  else greatest(v.effective_at, v.published_at
                                                                + make_interval(days => v.notice_period_days))
                                             end as deadline) d
                  join subscriber s on s.id = a.subscriber_id
                 where a.kind = 'ANNOUNCEMENT' and a.status <> 'CANCELLED'
                   and s.status = 'CONFIRMED'
                   and not exists (select 1 from version_withdrawal w where w.version_number = v.number)
                   and d.deadline > ? and d.deadline <= ?
                   and v.published_at < d.deadline - make_interval(secs => ?)
                   and exists (select 1 from change_event e where e.version_number = v.number and e.type = 'ADDED')
                   and not exists (select 1 from objection o
                                    where o.subscriber_id = a.subscriber_id and o.version_number = a.version_number)
                on conflict do nothing""", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setTimestamp(4, Timestamp.from(now.plus(lead)));
            statement.setLong(5, lead.toSeconds());
        });
    }

    /** Tells those who were announced a version that it is now in effect (within two days of it). */
    public int queueEffectiveNotices(Instant now) {
        return update(INSERT + """
                select gen_random_uuid(), a.subscriber_id, a.version_number, 'EFFECTIVE', 'QUEUED', s.email, ?, ?
                  from notice a
                  join version v on v.number = a.version_number
                  join subscriber s on s.id = a.subscriber_id
                 where a.kind = 'ANNOUNCEMENT' and a.status <> 'CANCELLED'
                   and s.status = 'CONFIRMED'
                   and v.effective_at <= ? and v.effective_at > ? - interval '2 days'
                   and not exists (select 1 from version_withdrawal w where w.version_number = v.number)
                on conflict do nothing""", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setTimestamp(4, Timestamp.from(now));
        });
    }

    /**
     * After a withdrawal: unsent notices about the version are cancelled, and everyone it was
     * sent to (or is being sent to) gets a WITHDRAWAL notice. Returns how many were queued.
     */
    public int queueWithdrawals(int version, Instant now) {
        update("""
                update notice set status = 'CANCELLED', last_error = 'the version was withdrawn',
                                  lease_owner = null, lease_expires_at = null
                 where version_number = ? and kind <> 'WITHDRAWAL' and status in ('QUEUED', 'RETRYING')""",
                statement -> statement.setInt(1, version));
        return update(INSERT + """
                select gen_random_uuid(), a.subscriber_id, a.version_number, 'WITHDRAWAL', 'QUEUED', s.email, ?, ?
                  from notice a join subscriber s on s.id = a.subscriber_id
                 where a.version_number = ? and a.kind = 'ANNOUNCEMENT' and a.status in ('SENT', 'SENDING')
                   and s.status = 'CONFIRMED'
                on conflict do nothing""", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setInt(3, version);
        });
    }

    public void queueConfirmation(UUID subscriber, String recipient, Instant now) {
        queueAboutSubscription(NoticeKind.CONFIRMATION, subscriber, recipient, now);
    }

    /** The welcome mail of a subscriber who just confirmed. */
    public void queueWelcome(UUID subscriber, String recipient, Instant now) {
        queueAboutSubscription(NoticeKind.WELCOME, subscriber, recipient, now);
    }

    /** Tells a contact whom staff added that it is its customer's notice contact. */
    public void queueContactRegistered(UUID subscriber, String recipient, Instant now) {
        queueAboutSubscription(NoticeKind.CONTACT_REGISTERED, subscriber, recipient, now);
    }

    /** A mail about a subscription itself, due at once (it names no version). */
    private void queueAboutSubscription(NoticeKind kind, UUID subscriber, String recipient, Instant now) {
        update(INSERT + " values (gen_random_uuid(), ?, null, ?, 'QUEUED', ?, ?, ?)", statement -> {
            statement.setObject(1, subscriber);
            statement.setString(2, kind.name());
            statement.setString(3, recipient);
            statement.setTimestamp(4, Timestamp.from(now));
            statement.setTimestamp(5, Timestamp.from(now));
        });
    }

    /** The receipt or the resolution of a subscriber's objection to a version (one of each at most). */
    public void queueObjectionMail(NoticeKind kind, UUID subscriber, int version, String recipient, Instant now) {
        if (kind != NoticeKind.OBJECTION_RECEIVED && kind != NoticeKind.OBJECTION_RESOLVED) {
            throw new IllegalArgumentException(kind + " is not about an objection");
        }
        update(INSERT + " values (gen_random_uuid(), ?, ?, ?, 'QUEUED', ?, ?, ?) on conflict do nothing", statement -> {
            statement.setObject(1, subscriber);
            statement.setInt(2, version);
            statement.setString(3, kind.name());
            statement.setString(4, recipient);
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setTimestamp(6, Timestamp.from(now));
        });
    }

    /** A staff invitation's mail. */
    public void queueInvite(UUID invite, String recipient, Instant now) {
        update("""
                insert into notice (id, subscriber_id, version_number, kind, status, recipient, queued_at, next_attempt_at, invite_id)
                values (gen_random_uuid(), null, null, 'INVITE', 'QUEUED', ?, ?, ?, ?)""", statement -> {
            statement.setString(1, recipient);
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setObject(4, invite);
        });
    }

    /** How many confirmed subscribers follow at least one of these sections (those who follow every section included). */
    public long subscribersFollowing(List<String> sections) {
        return sql.list("count subscribers", """
                select count(*) from subscriber s
                 where s.status = 'CONFIRMED' and (s.sections is null or s.sections && ?::text[])""",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", sections.toArray())),
                row -> row.getLong(1)).get(0);
    }

    /**
     * Takes up to {@code limit} notices that are due, or whose lease expired (their instance
     * died), and leases them to {@code owner}. Rows another instance is claiming are skipped,
     * not waited for.
     *
     * <p>Each half walks its own partial index ({@code notice_leased}, {@code notice_due}) in
     * order and stops at the limit, and the rows are found again by their primary key. One
     * condition with an OR read the whole table and sorted every due row on every claim: 106 ms
     * per batch with 50,000 queued (bench/README.md, section 16), and growing with the table's
     * history. The second half runs only if the first leaves room.</p>
     */
    public List<ClaimedNotice> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        return sql.list("claim notices", """
                with expired as (
                    select id from notice
                     where status = 'SENDING' and lease_expires_at <= ?
                     order by lease_expires_at
                     limit ?
                     for update skip locked),
                due as (
                    select id from notice
                     where status in ('QUEUED', 'RETRYING') and next_attempt_at <= ?
                     order by next_attempt_at
                     limit ?
                     for update skip locked)
                update notice n
                   set status = 'SENDING', lease_owner = ?, lease_expires_at = ?, attempts = n.attempts + 1
                 where n.id = any (array(select id from expired union all select id from due limit ?))
                returning n.id, n.subscriber_id, n.version_number, n.kind, n.recipient, n.attempts, n.invite_id""", claim -> {
            claim.setTimestamp(1, Timestamp.from(now));
            claim.setInt(2, limit);
            claim.setTimestamp(3, Timestamp.from(now));
            claim.setInt(4, limit);
            claim.setString(5, owner);
            claim.setTimestamp(6, Timestamp.from(leaseUntil));
            claim.setInt(7, limit);
        }, row -> new ClaimedNotice(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                row.getObject(3, Integer.class), NoticeKind.valueOf(row.getString(4)), row.getString(5),
                row.getInt(6), leaseUntil, row.getObject(7, UUID.class)));
    }

    public void storeTokenHashes(List<UUID> ids, List<String> hashes) {
        update("""
                update notice n set token_hash = u.hash
                  from unnest(?::uuid[], ?::text[]) as u(id, hash)
                 where n.id = u.id and n.token_hash is distinct from u.hash""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            statement.setArray(2, statement.getConnection().createArrayOf("text", hashes.toArray()));
        });
    }

    /** A delivered notice: when and under which Message-ID. */
    public record Sent(UUID id, Instant at, String messageId) {
    }

    public int recordSent(String owner, List<Sent> sent) {
        if (sent.isEmpty()) {
            return 0;
        }
        UUID[] ids = sent.stream().map(Sent::id).toArray(UUID[]::new);
        Timestamp[] times = sent.stream().map(s -> Timestamp.from(s.at())).toArray(Timestamp[]::new);
        String[] messageIds = sent.stream().map(Sent::messageId).toArray(String[]::new);
        return update("""
                update notice n
                   set status = 'SENT', sent_at = u.at, message_id = u.message_id, last_error = null,
                       lease_owner = null, lease_expires_at = null
                  from unnest(?::uuid[], ?::timestamptz[], ?::text[]) as u(id, at, message_id)
                 where n.id = u.id and n.status = 'SENDING' and n.lease_owner = ?""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids));
            statement.setArray(2, statement.getConnection().createArrayOf("timestamptz", times));
            statement.setArray(3, statement.getConnection().createArrayOf("text", messageIds));
            statement.setString(4, owner);
        });
    }

    /** A temporary failure (back to RETRYING at {@code next}) or a final one (FAILED when next is null). */
    public int recordFailure(String owner, UUID id, String error, Instant next) {
        return update("""
                update notice
                   set status = ?, next_attempt_at = coalesce(?, next_attempt_at), last_error = ?,
                       lease_owner = null, lease_expires_at = null
                 where id = ? and status = 'SENDING' and lease_owner = ?""", statement -> {
            statement.setString(1, next == null ? "FAILED" : "RETRYING");
            statement.setTimestamp(2, next == null ? null : Timestamp.from(next));
            statement.setString(3, error);
            statement.setObject(4, id);
            statement.setString(5, owner);
        });
    }

    public int cancel(String owner, List<UUID> ids, String reason) {
        if (ids.isEmpty()) {
            return 0;
        }
        return update("""
                update notice set status = 'CANCELLED', last_error = ?, lease_owner = null, lease_expires_at = null
                 where id = any (?::uuid[]) and status = 'SENDING' and lease_owner = ?""", statement -> {
            statement.setString(1, reason);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            statement.setString(3, owner);
        });
    }

    /** Gives back notices this instance holds but will not send (it is shutting down). */
    public int release(String owner, List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return update("""
                update notice set status = case when attempts > 1 then 'RETRYING' else 'QUEUED' end,
                                  attempts = attempts - 1, lease_owner = null, lease_expires_at = null
                 where id = any (?::uuid[]) and status = 'SENDING' and lease_owner = ?""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            statement.setString(2, owner);
        });
    }

    /** How many notices have one status. */
    public record StatusCount(NoticeStatus status, Long count) {
    }

    public Map<NoticeStatus, Long> totals(Integer version) {
        Map<NoticeStatus, Long> totals = new EnumMap<>(NoticeStatus.class);
        for (NoticeStatus status : NoticeStatus.values()) {
            totals.put(status, 0L);
        }
        getEntityManager().createQuery("select n.status, count(n) from Notice n where n.versionNumber = ?1 group by n.status",
                        StatusCount.class)
                .setParameter(1, version).getResultList()
                .forEach(row -> totals.put(row.status(), row.count()));
        return totals;
    }

    public List<Notice> ofVersion(int version) {
        return list("versionNumber = ?1 order by recipient, kind", version);
    }

    public Optional<Notice> findByTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /**
     * A confirmation racing a publish would otherwise be missed by both: the publish's insert does
     * not see the uncommitted confirmation, and the confirmation's insert does not see the
     * uncommitted version. Under this lock (exclusive for a publish, shared between
     * confirmations) whichever queues second waits for the other's commit, and its statement,
     * started after the wait, sees it. Held to the end of the transaction.
     */
    private void lockAnnouncements(String function) {
        sql.list("wait for a publish or a confirmation in progress", "select " + function + "(" + ANNOUNCEMENTS_LOCK + ")::text",
                Sql.NO_PARAMETERS, row -> row.getString(1));
    }

    private int update(String sql, Sql.Binder binder) {
        return this.sql.update("change the notice outbox", sql, binder);
    }
}
