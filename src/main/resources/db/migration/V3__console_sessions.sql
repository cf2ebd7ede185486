-- Staff console sign-in: server-side sessions (revocable at logout, shared by all instances)
-- and a lockout after repeated failed sign-ins.

create table staff_session (
    -- SHA-256 of the cookie's random token; the token itself is never stored
    token_hash   text        primary key,
    username     text        not null references staff_account (username),
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at   timestamptz not null
);
create index staff_session_username on staff_session (username);

alter table staff_account
    add column failed_logins integer     not null default 0,
    add column locked_until  timestamptz;
