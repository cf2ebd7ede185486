-- Subscriptions and the DPA notice workflow: subscribers, the notice outbox (one durable
-- delivery record per subscriber, version and kind), objections, and the secret that link
-- tokens are derived from.

-- Link tokens are HMACs of a record's id under this secret, so any instance can rebuild the
-- token of a mail it resends; only their SHA-256 is stored for lookup. Generated on first
-- start unless registry.token-secret is configured.
create table app_secret (
    name       text        primary key,
    value      bytea       not null check (length(value) >= 32),
    created_at timestamptz not null
);

create table subscriber (
    id                  uuid        primary key,
    email               text        not null check (length(email) <= 254),
    organisation        text,
    -- null: every section
    sections            text[],
    status              text        not null check (status in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
    created_at          timestamptz not null,
    confirmed_at        timestamptz,
    unsubscribed_at     timestamptz,
    -- the confirmation link: its nonce (rotated by every new request), its hash, its expiry
    confirm_nonce       uuid,
    confirm_token_hash  text        unique,
    confirm_expires_at  timestamptz,
    last_confirmation_at timestamptz,
    -- the manage / unsubscribe link of every mail
    manage_nonce        uuid        not null,
    manage_token_hash   text        not null unique,
    revision            bigint      not null default 0
);
create unique index subscriber_email on subscriber (lower(email));
create index subscriber_confirmed on subscriber (status) where status = 'CONFIRMED';

create table notice (
    id               uuid        primary key,
    subscriber_id    uuid        not null references subscriber (id),
    version_number   integer     references version (number),
    kind             text        not null check (kind in ('CONFIRMATION', 'ANNOUNCEMENT', 'REMINDER', 'EFFECTIVE')),
    status           text        not null check (status in ('QUEUED', 'SENDING', 'SENT', 'RETRYING', 'FAILED', 'CANCELLED')),
    -- the address at the time of queueing: evidence keeps it whatever happens to the subscriber later
    recipient        text        not null,
    queued_at        timestamptz not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    lease_owner      text,
    lease_expires_at timestamptz,
    sent_at          timestamptz,
    message_id       text,
    last_error       text,
    -- the hash of this mail's objection link, set when the mail is prepared for sending
    token_hash       text,
    check ((kind = 'CONFIRMATION') = (version_number is null)),
    check (status <> 'SENT' or (sent_at is not null and message_id is not null))
);
-- At most one delivery record per subscriber, version and kind (DESIGN.md); ordered by version
-- first, it also serves the evidence of a version. Few indexes: a publish inserts a row per
-- subscriber in its own transaction.
create unique index notice_once on notice (version_number, kind, subscriber_id) where version_number is not null;
create unique index notice_token on notice (token_hash) where token_hash is not null;
create index notice_due on notice (next_attempt_at) where status in ('QUEUED', 'RETRYING');
create index notice_leased on notice (lease_expires_at) where status = 'SENDING';

create table objection (
    id                uuid        primary key,
    subscriber_id     uuid        not null references subscriber (id),
    version_number    integer     not null references version (number),
    notice_id         uuid        not null references notice (id),
    subprocessor_ids  uuid[]      not null check (cardinality(subprocessor_ids) > 0),
    reason            text        not null,
    received_at       timestamptz not null,
    outcome           text        check (outcome in ('UPHELD', 'REJECTED', 'WITHDRAWN')),
    resolution_note   text,
    resolved_by       text,
    resolved_at       timestamptz,
    revision          bigint      not null default 0,
    unique (subscriber_id, version_number)
);
create index objection_version on objection (version_number);
