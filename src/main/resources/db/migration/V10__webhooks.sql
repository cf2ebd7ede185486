-- Signed webhooks: endpoints that tools register, the events we emit, and a durable outbox of
-- deliveries (one per endpoint and event) with every attempt recorded, as for mail.

create table webhook_endpoint (
    id                   uuid        primary key,
    url                  text        not null,
    events               text[]      not null,
    -- a customer's endpoint (null: the whole registry's)
    customer_id          uuid        references customer (id),
    description          text,
    -- "whsec_" + base64 of the HMAC key; needed in clear to sign, so never logged or returned again
    secret               text        not null,
    status               text        not null check (status in ('ACTIVE', 'DISABLED', 'DELETED')),
    consecutive_failures integer     not null default 0,
    disabled_at          timestamptz,
    disabled_reason      text,
    created_at           timestamptz not null,
    created_by           text        not null,
    secret_rotated_at    timestamptz,
    -- after a rotation the old secret also signs for a while, so receivers can switch without a gap
    previous_secret      text,
    previous_secret_until timestamptz,
    revision             bigint      not null default 0
);
create index webhook_endpoint_live on webhook_endpoint (status) where status = 'ACTIVE';

create table webhook_event (
    -- the webhook-id header: the same for every endpoint and every retry, so receivers can dedupe
    id             text        primary key,
    type           text        not null check (type in ('version.published', 'version.effective', 'obligation.at_risk', 'ping')),
    version_number integer     references version (number),
    -- for obligation.at_risk: the obligation it is about (at most one event each)
    subject        text,
    -- the exact body that is signed and sent, byte for byte the same on every attempt
    payload        text        not null,
    created_at     timestamptz not null
);
-- One version.published / version.effective event per version, whatever the number of instances.
create unique index webhook_event_once on webhook_event (type, version_number) where type in ('version.published', 'version.effective');
create unique index webhook_event_subject_once on webhook_event (type, subject) where subject is not null;

create table webhook_delivery (
    id               uuid        primary key,
    endpoint_id      uuid        not null references webhook_endpoint (id),
    event_id         text        not null references webhook_event (id),
    status           text        not null check (status in ('QUEUED', 'SENDING', 'DELIVERED', 'RETRYING', 'FAILED', 'CANCELLED')),
    queued_at        timestamptz not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    lease_owner      text,
    lease_expires_at timestamptz,
    delivered_at     timestamptz,
    last_status      integer,
    last_error       text,
    unique (endpoint_id, event_id),
    check (status <> 'DELIVERED' or delivered_at is not null)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status in ('QUEUED', 'RETRYING');
create index webhook_delivery_leased on webhook_delivery (lease_expires_at) where status = 'SENDING';

create table webhook_attempt (
    id            bigserial   primary key,
    delivery_id   uuid        not null references webhook_delivery (id),
    attempt       integer     not null,
    started_at    timestamptz not null,
    -- null when no HTTP answer came (refused address, connection error, time-out)
    status_code   integer,
    latency_ms    integer     not null,
    -- at most the first 1 KB of the answer's body
    response      text,
    error         text
);
create index webhook_attempt_of on webhook_attempt (delivery_id, attempt);
