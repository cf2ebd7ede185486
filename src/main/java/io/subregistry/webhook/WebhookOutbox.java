package io.subregistry.webhook;

import io.subregistry.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The durable outbox of webhook deliveries, the same way as mail's: events are stored once with
 * the exact body to send, a delivery row per (endpoint, event) is queued in the transaction that
 * produced the event, and senders claim due rows with {@code FOR UPDATE SKIP LOCKED} under a
 * lease. Outcomes are recorded only while the lease is held, so with several instances a
 * delivery is never recorded twice.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final Sql sql;

    public WebhookOutbox(Sql sql) {
        this.sql = sql;
    }

    /** Stores an event; false when it exists already (another instance, or an earlier run, made it). */
    public boolean addEvent(String id, WebhookEventType type, Integer version, String subject, String payload, Instant at) {
        return sql.update("add webhook event", """
                insert into webhook_event (id, type, version_number, subject, payload, created_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict do nothing""", statement -> {
            statement.setString(1, id);
            statement.setString(2, type.wireName());
            statement.setObject(3, version, Types.INTEGER);
            statement.setString(4, subject);
            statement.setString(5, payload);
            statement.setTimestamp(6, Timestamp.from(at));
        }) == 1;
    }

    /**
     * Queues the event for every active endpoint that asked for its type and existed when it
     * happened: the registry's own endpoints, and those of {@code customers} (null: every
     * customer's endpoint too). An endpoint registered today is not sent last year's events.
     * A disabled endpoint's deliveries wait in the queue: once enabled, it gets what it missed.
     * With {@code version}, a customer's endpoint gets the event only when the version concerns
     * that customer (it has an obligation for it).
     */
    public int queueForSubscribers(String eventId, WebhookEventType type, List<UUID> customers, Integer version,
                                   Instant happenedAt, Instant now) {
        return sql.update("queue webhook deliveries", """
                insert into webhook_delivery (id, endpoint_id, event_id, status, queued_at, next_attempt_at)
                select gen_random_uuid(), e.id, ?, 'QUEUED', ?, ?
                  from webhook_endpoint e
                 where e.status in ('ACTIVE', 'DISABLED') and ? = any(e.events) and e.created_at <= ?
                   and (e.customer_id is null or ?::uuid[] is null or e.customer_id = any(?::uuid[]))
                   and (e.customer_id is null or ?::integer is null
                        or exists (select 1 from obligation o where o.customer_id = e.customer_id and o.version_number = ?))
                on conflict do nothing""", statement -> {
            statement.setString(1, eventId);
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setString(4, type.wireName());
            statement.setTimestamp(5, Timestamp.from(happenedAt));
            java.sql.Array scope = customers == null ? null
                    : statement.getConnection().createArrayOf("uuid", customers.toArray());
            statement.setArray(6, scope);
            statement.setArray(7, scope);
            statement.setObject(8, version, Types.INTEGER);
            statement.setObject(9, version, Types.INTEGER);
        });
    }

    /** Queues the event for one endpoint (a ping); returns the delivery's id. */
    public UUID queueFor(UUID endpoint, String eventId, Instant now) {
        UUID id = UUID.randomUUID();
        sql.update("queue a webhook delivery", """
                insert into webhook_delivery (id, endpoint_id, event_id, status, queued_at, next_attempt_at)
                values (?, ?, ?, 'QUEUED', ?, ?)""", statement -> {
            statement.setObject(1, id);
            statement.setObject(2, endpoint);
            statement.setString(3, eventId);
            statement.setTimestamp(4, Timestamp.from(now));
            statement.setTimestamp(5, Timestamp.from(now));
        });
        return id;
    }

    /** A delivery taken for sending, with what is needed to sign and send it. */
    public record Claimed(UUID id, UUID endpointId, String eventId, int attempt, String url, String secret,
                          String previousSecret, String payload) {
    }

    /**
     * Leases up to {@code limit} due deliveries of active endpoints (or whose lease expired), or
     * only {@code only} when given. Rows another instance is claiming are skipped.
     */
    public List<Claimed> claim(String owner, Instant now, Instant leaseUntil, int limit, UUID only) {
        return sql.list("claim webhook deliveries", """
                with due as (
                    select d.id from webhook_delivery d
                      join webhook_endpoint e on e.id = d.endpoint_id and e.status = 'ACTIVE'
                     where ((d.status in ('QUEUED', 'RETRYING') and d.next_attempt_at <= ?)
                            or (d.status = 'SENDING' and d.lease_expires_at <= ?))
                       and (?::uuid is null or d.id = ?::uuid)
                     order by d.next_attempt_at
                     limit ?
                     for update of d skip locked)
                update webhook_delivery d
                   set status = 'SENDING', lease_owner = ?, lease_expires_at = ?, attempts = d.attempts + 1
                  from due, webhook_endpoint e, webhook_event ev
                 where d.id = due.id and e.id = d.endpoint_id and ev.id = d.event_id
                returning d.id, d.endpoint_id, d.event_id, d.attempts, e.url, e.secret,
                          case when e.previous_secret_until > ? then e.previous_secret end, ev.payload""", claim -> {
            claim.setTimestamp(1, Timestamp.from(now));
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setObject(3, only);
            claim.setObject(4, only);
            claim.setInt(5, limit);
            claim.setString(6, owner);
            claim.setTimestamp(7, Timestamp.from(leaseUntil));
            claim.setTimestamp(8, Timestamp.from(now));
        }, row -> new Claimed(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                row.getInt(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8)));
    }

    /** How one attempt ended, and what follows: delivered, retry at {@code next}, or failed for good (next null). */
    public record Outcome(UUID deliveryId, UUID endpointId, int attempt, Instant startedAt, Integer statusCode,
                          int latencyMillis, String response, String error, boolean delivered, Instant next) {
    }

    /** Records attempts and their outcomes; returns the deliveries whose outcome this instance could still record. */
    public int record(String owner, List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        return sql.run("record webhook attempts", connection -> {
            int recorded = 0;
            try (PreparedStatement attempt = connection.prepareStatement("""
                         insert into webhook_attempt (delivery_id, attempt, started_at, status_code, latency_ms, response, error)
                         select ?, ?, ?, ?, ?, ?, ? where exists
                               (select 1 from webhook_delivery where id = ? and status = 'SENDING' and lease_owner = ?)""");
                 PreparedStatement outcome = connection.prepareStatement("""
                         update webhook_delivery
                            set status = ?, delivered_at = ?, next_attempt_at = coalesce(?, next_attempt_at),
                                last_status = ?, last_error = ?, lease_owner = null, lease_expires_at = null
                          where id = ? and status = 'SENDING' and lease_owner = ?""")) {
                for (Outcome o : outcomes) {
                    attempt.setObject(1, o.deliveryId());
                    attempt.setInt(2, o.attempt());
                    attempt.setTimestamp(3, Timestamp.from(o.startedAt()));
                    attempt.setObject(4, o.statusCode(), Types.INTEGER);
                    attempt.setInt(5, o.latencyMillis());
                    attempt.setString(6, o.response());
                    attempt.setString(7, o.error());
                    attempt.setObject(8, o.deliveryId());
                    attempt.setString(9, owner);
                    attempt.addBatch();
                    outcome.setString(1, o.delivered() ? "DELIVERED" : o.next() == null ? "FAILED" : "RETRYING");
                    outcome.setTimestamp(2, o.delivered() ? Timestamp.from(now) : null);
                    outcome.setTimestamp(3, o.next() == null ? null : Timestamp.from(o.next()));
                    outcome.setObject(4, o.statusCode(), Types.INTEGER);
                    outcome.setString(5, o.error());
                    outcome.setObject(6, o.deliveryId());
                    outcome.setString(7, owner);
                    outcome.addBatch();
                }
                attempt.executeBatch();
                for (int changed : outcome.executeBatch()) {
                    recorded += Math.max(changed, 0);
                }
            }
            return recorded;
        });
    }

    /** Gives claimed deliveries back to the queue untried (a stop, or an endpoint that went away). */
    public int release(String owner, List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return sql.update("release webhook deliveries", """
                update webhook_delivery
                   set status = case when attempts > 1 then 'RETRYING' else 'QUEUED' end, attempts = attempts - 1,
                       lease_owner = null, lease_expires_at = null
                 where id = any(?::uuid[]) and status = 'SENDING' and lease_owner = ?""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            statement.setString(2, owner);
        });
    }

    /** Counts a failed attempt against the endpoint; returns its consecutive failures now. */
    public int countFailure(UUID endpoint) {
        return sql.list("count a webhook failure", """
                update webhook_endpoint set consecutive_failures = consecutive_failures + 1
                 where id = ? returning consecutive_failures""", statement -> statement.setObject(1, endpoint),
                row -> row.getInt(1)).stream().findFirst().orElse(0);
    }

    public void resetFailures(List<UUID> endpoints) {
        if (endpoints.isEmpty()) {
            return;
        }
        sql.update("reset webhook failures", """
                update webhook_endpoint set consecutive_failures = 0
                 where id = any(?::uuid[]) and consecutive_failures > 0""", statement ->
                statement.setArray(1, statement.getConnection().createArrayOf("uuid", endpoints.toArray())));
    }

    /** Disables an active endpoint; false when it was not active (already disabled, or deleted). */
    public boolean disable(UUID endpoint, String reason, Instant now) {
        return sql.update("disable a webhook endpoint", """
                update webhook_endpoint set status = 'DISABLED', disabled_at = ?, disabled_reason = ?, revision = revision + 1
                 where id = ? and status = 'ACTIVE'""", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setString(2, reason);
            statement.setObject(3, endpoint);
        }) == 1;
    }

    /** Cancels what is still queued for an endpoint that is deleted. */
    public int cancelPending(UUID endpoint, String reason) {
        return sql.update("cancel webhook deliveries", """
                update webhook_delivery set status = 'CANCELLED', last_error = ?, lease_owner = null, lease_expires_at = null
                 where endpoint_id = ? and status in ('QUEUED', 'RETRYING', 'SENDING')""", statement -> {
            statement.setString(1, reason);
            statement.setObject(2, endpoint);
        });
    }

    /** Versions in force at {@code now} that have no version.effective event yet. */
    public List<Integer> effectiveWithoutEvent(Instant now) {
        return sql.list("find versions that took effect", """
                select v.number from version v
                 where v.effective_at <= ?
                   and not exists (select 1 from webhook_event ev where ev.type = 'version.effective' and ev.version_number = v.number)
                 order by v.number""", statement -> statement.setTimestamp(1, Timestamp.from(now)), row -> row.getInt(1));
    }

    /** One delivery as the API and the console show it. */
    public record DeliveryRow(UUID id, String eventId, String eventType, Integer version, String status, int attempts,
                              Instant queuedAt, Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus,
                              String lastError) {
    }

    private static final String DELIVERY_COLUMNS = """
            select d.id, d.event_id, ev.type, ev.version_number, d.status, d.attempts, d.queued_at,
                   d.next_attempt_at, d.delivered_at, d.last_status, d.last_error
              from webhook_delivery d join webhook_event ev on ev.id = d.event_id
            """;

    public List<DeliveryRow> recentDeliveries(UUID endpoint, int limit) {
        return sql.list("list webhook deliveries", DELIVERY_COLUMNS + " where d.endpoint_id = ? order by d.queued_at desc, d.id limit ?",
                statement -> {
                    statement.setObject(1, endpoint);
                    statement.setInt(2, limit);
                }, WebhookOutbox::deliveryRow);
    }

    public DeliveryRow delivery(UUID id) {
        return sql.list("read a webhook delivery", DELIVERY_COLUMNS + " where d.id = ?", statement -> statement.setObject(1, id),
                WebhookOutbox::deliveryRow).stream().findFirst().orElseThrow();
    }

    private static DeliveryRow deliveryRow(java.sql.ResultSet row) throws java.sql.SQLException {
        return new DeliveryRow(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                row.getObject(4, Integer.class), row.getString(5), row.getInt(6), instant(row.getTimestamp(7)),
                instant(row.getTimestamp(8)), instant(row.getTimestamp(9)), row.getObject(10, Integer.class),
                row.getString(11));
    }

    /** One attempt of a delivery. */
    public record AttemptRow(UUID deliveryId, int attempt, Instant startedAt, Integer statusCode, int latencyMillis,
                             String response, String error) {
    }

    public List<AttemptRow> attemptsOf(List<UUID> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        return sql.list("list webhook attempts", """
                select delivery_id, attempt, started_at, status_code, latency_ms, response, error
                  from webhook_attempt where delivery_id = any(?::uuid[])
                 order by delivery_id, attempt""", statement ->
                statement.setArray(1, statement.getConnection().createArrayOf("uuid", deliveries.toArray())),
                row -> new AttemptRow(row.getObject(1, UUID.class), row.getInt(2), instant(row.getTimestamp(3)),
                        row.getObject(4, Integer.class), row.getInt(5), row.getString(6), row.getString(7)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
