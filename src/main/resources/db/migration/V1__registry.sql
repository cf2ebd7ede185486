-- The versioned registry: the draft that legal staff edit, the immutable published
-- versions with their entries and change events, staff accounts and the audit log.
-- The invariants of DESIGN.md live here so that no code path (or psql session) can
-- break them.

-- ---------------------------------------------------------------- draft

-- The single working copy. Every draft edit bumps `revision` while holding this row's
-- lock, which both serialises edits and gives the draft its ETag.
create table draft (
    id          smallint    primary key default 1 check (id = 1),
    revision    bigint      not null default 0,
    updated_at  timestamptz not null default now(),
    updated_by  text
);
insert into draft (id) values (1);

create table draft_section (
    id          uuid        primary key,
    key         text        not null unique check (key ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    title       text        not null,
    description text,
    note        text,
    position    integer     not null,
    revision    bigint      not null default 0
);

create table draft_subprocessor (
    id                  uuid    primary key,
    section_id          uuid    not null references draft_section (id),
    name                text    not null,
    legal_address       text    not null,
    location            text    not null,
    processing_activity text    not null,
    website             text,
    data_categories     text,
    transfer_mechanism  text,
    dpa_url             text,
    revision            bigint  not null default 0
);
create index draft_subprocessor_section on draft_subprocessor (section_id);
create unique index draft_subprocessor_name on draft_subprocessor (section_id, lower(name));

-- ---------------------------------------------------------------- versions

create table version (
    number             integer     primary key check (number > 0),
    published_at       timestamptz not null,
    effective_at       timestamptz not null,
    summary            text        not null,
    publisher          text        not null,
    emergency_reason   text,
    notice_period_days integer     not null check (notice_period_days >= 0),
    entry_count        integer     not null,
    previous_hash      text,
    hash               text        not null unique check (hash ~ '^[0-9a-f]{64}$')
);

create table version_section (
    version_number integer not null,
    position       integer not null,
    key            text    not null,
    title          text    not null,
    description    text,
    note           text,
    primary key (version_number, key),
    foreign key (version_number) references version (number) deferrable initially deferred
);

create table version_entry (
    version_number      integer not null,
    subprocessor_id     uuid    not null,
    section_key         text    not null,
    name                text    not null,
    legal_address       text    not null,
    location            text    not null,
    processing_activity text    not null,
    website             text,
    data_categories     text,
    transfer_mechanism  text,
    dpa_url             text,
    primary key (version_number, subprocessor_id),
    foreign key (version_number, section_key) references version_section (version_number, key)
        deferrable initially deferred
);

create table change_event (
    id                bigserial primary key,
    version_number    integer   not null,
    seq               integer   not null,
    type              text      not null check (type in ('ADDED', 'REMOVED', 'MODIFIED', 'MOVED',
                                                         'SECTION_ADDED', 'SECTION_REMOVED', 'SECTION_MODIFIED')),
    subprocessor_id   uuid,
    name              text      not null,
    section_key       text      not null,
    from_section_key  text,
    field_changes     jsonb     not null default '[]',
    entry             jsonb,
    unique (version_number, seq),
    foreign key (version_number) references version (number) deferrable initially deferred
);
create index change_event_subprocessor on change_event (subprocessor_id);

-- Published data never changes. Rows of a version are written before its header row
-- (the foreign keys above are deferred to commit), so "the header exists" marks a
-- version as sealed: nothing may be added to it afterwards, and nothing in it may be
-- updated or deleted, ever.
create function refuse_published_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'P0001', hint = 'published versions and the audit log never change';
end $$;

-- One check per INSERT statement over all its rows (a publish inserts thousands of entries at once).
create function refuse_insert_into_sealed_version() returns trigger language plpgsql as $$
declare
    sealed integer;
begin
    select v.number into sealed from version v where v.number in (select distinct version_number from inserted) limit 1;
    if sealed is not null then
        raise exception 'version % is sealed: % into % refused', sealed, tg_op, tg_table_name
            using errcode = 'P0001';
    end if;
    return null;
end $$;

-- Numbers are consecutive, effective dates never go backwards, and each version's
-- previous_hash is the hash of the version before it.
create function check_version_chain() returns trigger language plpgsql as $$
declare
    prev version%rowtype;
begin
    select * into prev from version order by number desc limit 1;
    if prev.number is null then
        if new.number <> 1 or new.previous_hash is not null then
            raise exception 'the first version must be number 1 without a previous hash' using errcode = 'P0001';
        end if;
    else
        if new.number <> prev.number + 1 then
            raise exception 'version % must follow version %', new.number, prev.number using errcode = 'P0001';
        end if;
        if new.previous_hash is distinct from prev.hash then
            raise exception 'version % does not chain to the hash of version %', new.number, prev.number
                using errcode = 'P0001';
        end if;
        if new.effective_at < prev.effective_at then
            raise exception 'version % would take effect before version %', new.number, prev.number
                using errcode = 'P0001';
        end if;
    end if;
    return new;
end $$;

create trigger version_chain before insert on version
    for each row execute function check_version_chain();

create trigger version_immutable before update or delete on version
    for each row execute function refuse_published_change();
create trigger version_section_immutable before update or delete on version_section
    for each row execute function refuse_published_change();
create trigger version_entry_immutable before update or delete on version_entry
    for each row execute function refuse_published_change();
create trigger change_event_immutable before update or delete on change_event
    for each row execute function refuse_published_change();

create trigger version_no_truncate before truncate on version
    for each statement execute function refuse_published_change();
create trigger version_section_no_truncate before truncate on version_section
    for each statement execute function refuse_published_change();
create trigger version_entry_no_truncate before truncate on version_entry
    for each statement execute function refuse_published_change();
create trigger change_event_no_truncate before truncate on change_event
    for each statement execute function refuse_published_change();

create trigger version_section_sealed after insert on version_section
    referencing new table as inserted for each statement execute function refuse_insert_into_sealed_version();
create trigger version_entry_sealed after insert on version_entry
    referencing new table as inserted for each statement execute function refuse_insert_into_sealed_version();
create trigger change_event_sealed after insert on change_event
    referencing new table as inserted for each statement execute function refuse_insert_into_sealed_version();

-- ---------------------------------------------------------------- staff accounts

create table staff_account (
    id            uuid        primary key,
    username      text        not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash text        not null,
    roles         text[]      not null check (roles <@ array['admin', 'legal', 'auditor']::text[]),
    disabled      boolean     not null default false,
    created_at    timestamptz not null,
    created_by    text        not null,
    revision      bigint      not null default 0
);

-- ---------------------------------------------------------------- audit log

create table audit_event (
    id       bigserial   primary key,
    at       timestamptz not null,
    actor    text        not null,
    action   text        not null,
    target   text,
    details  jsonb       not null default '{}'
);
create index audit_event_at on audit_event (at);

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function refuse_published_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function refuse_published_change();
