-- (Numbered 8.2: V8 and V8.1 re-create notice.kind's check without WITHDRAWAL, so this must run after them.)
-- Withdrawing an upcoming version (a deal that fell through, or to make way for an emergency).
-- The version itself is kept as published (it stays in the hash chain and its notices stay
-- evidence); a withdrawal is a separate, append-only record that says it never takes effect.

create table version_withdrawal (
    version_number integer     primary key references version (number),
    withdrawn_at   timestamptz not null,
    withdrawn_by   text        not null,
    reason         text        not null check (length(reason) between 1 and 2000)
);

-- Only the newest version, and only while it is upcoming, can be withdrawn: a later version
-- was diffed against it, and a version in force is history.
create function check_version_withdrawal() returns trigger language plpgsql as $$
declare
    withdrawn version%rowtype;
begin
    select * into withdrawn from version where number = new.version_number;
    if exists (select 1 from version where number > new.version_number) then
        raise exception 'version % is not the newest version; only the newest can be withdrawn', new.version_number
            using errcode = 'P0001';
    end if;
    if withdrawn.effective_at <= new.withdrawn_at then
        raise exception 'version % is already in effect; only an upcoming version can be withdrawn', new.version_number
            using errcode = 'P0001';
    end if;
    return new;
end $$;

create trigger version_withdrawal_check before insert on version_withdrawal
    for each row execute function check_version_withdrawal();
create trigger version_withdrawal_immutable before update or delete on version_withdrawal
    for each row execute function refuse_published_change();
create trigger version_withdrawal_no_truncate before truncate on version_withdrawal
    for each statement execute function refuse_published_change();

-- The chain still covers every published version (previous_hash is the hash of the version
-- before, withdrawn or not), but effective dates only never go backwards among the versions
-- that take effect: once version 3 is withdrawn, version 4 may take effect before 3 would have.
create or replace function check_version_chain() returns trigger language plpgsql as $$
declare
    prev version%rowtype;
    standing version%rowtype;
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
        select * into standing from version v
         where not exists (select 1 from version_withdrawal w where w.version_number = v.number)
         order by v.number desc limit 1;
        if standing.number is not null and new.effective_at < standing.effective_at then
            raise exception 'version % would take effect before version %', new.number, standing.number
                using errcode = 'P0001';
        end if;
    end if;
    return new;
end $$;

-- The notice to those told of a withdrawn version: every kind of mail so far, and WITHDRAWAL.
alter table notice drop constraint notice_kind_check;
alter table notice add constraint notice_kind_check check (kind in ('CONFIRMATION', 'ANNOUNCEMENT', 'REMINDER', 'EFFECTIVE',
    'WELCOME', 'OBJECTION_RECEIVED', 'OBJECTION_RESOLVED', 'INVITE', 'CONTACT_REGISTERED', 'ACK_REMINDER', 'WITHDRAWAL'));
