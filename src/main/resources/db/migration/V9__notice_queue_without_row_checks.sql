-- A publish queues one notice per subscriber in its own transaction (DESIGN.md: a version never
-- exists without its notices). The two foreign keys of notice cost a lookup per inserted row,
-- a third of the insert (bench/README.md, section 5): 50,000 subscribers took 1.23 s.
--
-- What they protected stays true:
-- * notice.version_number: versions are never deleted (version_immutable) or truncated
--   (version_no_truncate), and every queueing insert selects the version it queues for.
-- * notice.subscriber_id: every queueing insert selects from subscriber; the service never deletes
--   a subscriber (leaving is a status). A delete by hand is refused while the subscriber has
--   notices: the delivery records are evidence, and must keep their subscriber.
alter table notice drop constraint notice_subscriber_id_fkey;
alter table notice drop constraint notice_version_number_fkey;

create function subscriber_keeps_notices() returns trigger language plpgsql as $$
begin
    if exists (select 1 from notice where subscriber_id = old.id) then
        raise exception 'subscriber % has delivery records (notices) and cannot be deleted', old.id
            using errcode = 'P0001';
    end if;
    return old;
end $$;

create trigger subscriber_keeps_notices before delete on subscriber
    for each row execute function subscriber_keeps_notices();
