-- The subscription rate limit, counted here so that every instance counts together. One row per
-- client: when its window started and how many requests it made in it. client_key is an HMAC of
-- the client's address under the link-token secret (never the address itself). A row whose
-- window has ended means nothing any more: a job deletes such rows, and a request simply starts
-- a new window over one.
create table subscribe_limit (
    client_key   text        primary key,
    window_start timestamptz not null,
    requests     integer     not null check (requests > 0)
);
create index subscribe_limit_window_start on subscribe_limit (window_start);
