-- Signed versions: the Ed25519 keys that sign published versions, and one signature per
-- version. Anyone can verify a version offline with the public keys published as a JWKS at
-- /.well-known/subprocessor-keys.json, so keys are never deleted: a retired key still
-- verifies the versions it signed.

-- id is the key's RFC 7638 JWK thumbprint. private_key is kept only for a key the service
-- generated itself (registry.signing.private-key unset); a configured key stays in its Secret.
create table signing_key (
    id          text        primary key check (id ~ '^[A-Za-z0-9_-]{43}$'),
    public_key  text        not null unique check (public_key ~ '^[A-Za-z0-9_-]{43}$'),
    private_key text,
    source      text        not null check (source in ('GENERATED', 'CONFIGURED')),
    created_at  timestamptz not null,
    retired_at  timestamptz,
    check (source = 'GENERATED' or private_key is null)
);
-- At most one generated key signs at a time.
create unique index signing_key_one_active_generated on signing_key ((true))
    where retired_at is null and source = 'GENERATED';

-- A key is only ever retired, once; its id and public key never change and it is never deleted.
create function check_signing_key_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'signing keys are never deleted: versions they signed must stay verifiable'
            using errcode = 'P0001';
    end if;
    if new.id <> old.id or new.public_key <> old.public_key or new.source <> old.source
       or new.created_at <> old.created_at or old.retired_at is not null
       or new.private_key is distinct from old.private_key then
        raise exception 'signing key %: only retiring it is allowed', old.id using errcode = 'P0001';
    end if;
    return new;
end $$;

create trigger signing_key_retire_only before update or delete on signing_key
    for each row execute function check_signing_key_change();
create trigger signing_key_no_truncate before truncate on signing_key
    for each statement execute function refuse_published_change();

-- The signature of a version over "subprocessor-list/v1\n{number}\n{effectiveAt}\n{hash}",
-- base64url without padding. Written in the publishing transaction (or, for versions
-- published before signing existed, once at start) and never changed.
create table version_signature (
    version_number integer     primary key references version (number),
    key_id         text        not null references signing_key (id),
    value          text        not null check (value ~ '^[A-Za-z0-9_-]{86}$'),
    signed_at      timestamptz not null
);

create trigger version_signature_immutable before update or delete on version_signature
    for each row execute function refuse_published_change();
create trigger version_signature_no_truncate before truncate on version_signature
    for each statement execute function refuse_published_change();
