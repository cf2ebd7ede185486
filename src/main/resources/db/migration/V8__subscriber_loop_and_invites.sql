-- The subscriber loop's own mails (a welcome with the manage link, the receipt of an objection
-- and its resolution) and staff invitations (a single-use, expiring set-password link), all sent
-- through the notice outbox like every other mail.

-- An invitation to set a password. The link's token is an HMAC of (id, nonce), so the outbox can
-- rebuild it when it (re)sends the mail; only its SHA-256 is kept here, for lookup.
create table staff_invite (
    id          uuid        primary key,
    username    text        not null references staff_account (username),
    email       text        not null check (length(email) <= 254),
    nonce       uuid        not null,
    token_hash  text        not null unique,
    created_at  timestamptz not null,
    created_by  text        not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    check (expires_at > created_at)
);
create index staff_invite_username on staff_invite (username);

-- An invitation's mail has no subscriber; every other mail has one.
alter table notice alter column subscriber_id drop not null;
alter table notice add column invite_id uuid references staff_invite (id);
alter table notice add constraint notice_recipient_kind
    check ((kind = 'INVITE') = (subscriber_id is null) and (kind = 'INVITE') = (invite_id is not null));

-- Every kind of mail; a later migration that adds one drops and re-creates this list.
alter table notice drop constraint notice_kind_check;
alter table notice add constraint notice_kind_check check (kind in ('CONFIRMATION', 'ANNOUNCEMENT', 'REMINDER', 'EFFECTIVE',
    'WELCOME', 'OBJECTION_RECEIVED', 'OBJECTION_RESOLVED', 'INVITE'));

-- Mails about a version name it; the confirmation, the welcome and invitations do not.
alter table notice drop constraint notice_check;
alter table notice add constraint notice_version_kind
    check ((kind in ('CONFIRMATION', 'WELCOME', 'INVITE')) = (version_number is null));
