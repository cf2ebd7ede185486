-- The company's brand, set by an admin in the console (a setting in config wins over it): one row.
create table brand (
    id               integer     primary key check (id = 1),
    company_name     text,
    accent_color     text        check (accent_color ~ '^#[0-9a-f]{6}$'),
    privacy_url      text,
    dpa_url          text,
    legal_pages_url  text,
    contact_email    text,
    footer           text,
    binding_language text        check (binding_language in ('en', 'de', 'fr')),
    logo             bytea,
    logo_type        text        check (logo_type in ('image/png', 'image/svg+xml')),
    logo_sha256      text,
    updated_at       timestamptz,
    updated_by       text,
    revision         bigint      not null default 0,
    check ((logo is null) = (logo_type is null))
);
insert into brand (id) values (1);
