-- (Numbered 8.1, not 6: it must run after V8, whose notice-kind list it extends.)
-- Customers and their contracts (docs/DESIGN.md, "Customers"): each customer's notice promise,
-- the contacts its contract names (subscriber rows that belong to it), and one obligation per
-- version that needs notice and customer in scope: the per-customer proof of notice.

create table customer (
    id                    uuid        primary key,
    name                  text        not null check (length(name) between 1 and 200),
    -- a contract or CRM id; what a CSV import matches on
    reference             text        unique check (length(reference) between 1 and 100),
    notice_period_days    integer     not null check (notice_period_days between 0 and 3650),
    -- objections accepted until min(effective date, notified + window); null: until the effective date
    objection_window_days integer     check (objection_window_days between 0 and 3650),
    -- null: every section
    sections              text[],
    created_at            timestamptz not null,
    -- archived, never deleted: its obligations stay in the evidence
    archived_at           timestamptz,
    revision              bigint      not null default 0
);
create index customer_name on customer (lower(name));

-- A contact is a subscriber that belongs to a customer: confirmed by staff (no double opt-in),
-- delivered through the same outbox, leases and Message-IDs as every other notice.
alter table subscriber add column customer_id uuid references customer (id);
alter table subscriber add column name text;
alter table subscriber add column language text;
-- a contact staff removed from its customer: kept for the evidence, no longer listed or mailed
alter table subscriber add column removed_at timestamptz;
drop index subscriber_email;
-- One public subscription per address; an address may also be the contact of several customers.
create unique index subscriber_email on subscriber (lower(email)) where customer_id is null;
create unique index subscriber_contact on subscriber (customer_id, lower(email)) where customer_id is not null;

-- Every kind of mail (keep this list in step with NoticeKind); a later migration that adds one
-- drops and re-creates it.
alter table notice drop constraint notice_kind_check;
alter table notice add constraint notice_kind_check check (kind in ('CONFIRMATION', 'ANNOUNCEMENT', 'REMINDER', 'EFFECTIVE',
    'WELCOME', 'OBJECTION_RECEIVED', 'OBJECTION_RESOLVED', 'INVITE', 'CONTACT_REGISTERED', 'ACK_REMINDER'));
-- Mails about a version name it; the confirmation, the welcome, invitations and a contact's registration do not.
alter table notice drop constraint notice_version_kind;
alter table notice add constraint notice_version_kind
    check ((kind in ('CONFIRMATION', 'WELCOME', 'INVITE', 'CONTACT_REGISTERED')) = (version_number is null));

-- An objection from a contact's link is its customer's objection: one per customer and version.
alter table objection add column customer_id uuid references customer (id);
create unique index objection_customer on objection (customer_id, version_number) where customer_id is not null;

create table obligation (
    version_number     integer     not null references version (number),
    customer_id        uuid        not null references customer (id),
    -- the contract's terms when the version was published: evidence keeps them whatever changes later
    notice_period_days integer     not null,
    due_by             timestamptz not null,
    -- whole days from publishedAt to effectiveAt, rounded down
    given_days         integer     not null,
    status             text        not null check (status in ('PENDING', 'NOTIFIED', 'LATE', 'AT_RISK', 'BREACHED', 'WAIVED')),
    notified_at        timestamptz,
    acknowledged_at    timestamptz,
    acknowledged_by    text,
    primary key (version_number, customer_id),
    check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index obligation_customer on obligation (customer_id);
create index obligation_open on obligation (due_by) where status in ('PENDING', 'AT_RISK');
create index subscriber_customer on subscriber (customer_id) where customer_id is not null;
-- A contact a mail failed to reach for good is no longer live (few rows; queueing never touches it).
create index notice_failed on notice (subscriber_id) where status = 'FAILED';
