-- Vigil console schema, version 1.
-- Standard SQL that H2 and PostgreSQL both accept: identity columns are written
-- "bigint generated always as identity" (H2 in PostgreSQL mode refuses the "identity" type).

create table devices (
    id              varchar(64)  primary key,
    school          varchar(200) not null,
    hostname        varchar(255) not null,
    os_name         varchar(100) not null,
    os_version      varchar(100) not null,
    hardware_id     varchar(255) not null,
    agent_version   varchar(50)  not null,
    last_user       varchar(200) not null default '',
    -- SHA-256 (hex) of the 256-bit device credential; the credential itself is never stored.
    credential_hash varchar(64)  not null,
    enrolled_at     timestamp with time zone not null,
    last_seen_at    timestamp with time zone
);

create table enrolment_tokens (
    id         bigint generated always as identity primary key,
    token_hash varchar(64)  not null unique,
    school     varchar(200) not null,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone
);

create table users (
    id            bigint generated always as identity primary key,
    username      varchar(100) not null unique,
    role          varchar(20)  not null check (role in ('dsl', 'deputy_dsl', 'it_admin', 'leader')),
    -- Encoded Argon2id hash ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
    password_hash varchar(200) not null,
    created_at    timestamp with time zone not null,
    disabled      boolean not null default false
);

create table alerts (
    id           bigint generated always as identity primary key,
    -- The device-made idempotency key: a resent alert finds its row here and is not stored again.
    uuid         varchar(36)   not null unique,
    device_id    varchar(64)   not null references devices (id),
    sequence     bigint        not null,
    category     varchar(64)   not null,
    severity     smallint      not null check (severity between 1 and 5),
    score        integer       not null,
    -- Rule ids separated by spaces (rule ids never contain whitespace).
    rule_ids     varchar(4000) not null,
    snippet      varchar(500)  not null,
    app          varchar(200)  not null,
    window_title varchar(1000) not null,
    url          varchar(2000) not null,
    username     varchar(200)  not null,
    occurred_at  timestamp with time zone not null,
    received_at  timestamp with time zone not null,
    source       varchar(32)   not null,
    list_version varchar(100)  not null,
    status       varchar(20)   not null default 'new' check (status in ('new', 'in_review', 'closed'))
);

create index alerts_by_device_sequence on alerts (device_id, sequence);
create index alerts_by_urgency on alerts (severity, occurred_at);

create table filter_events (
    id          bigint generated always as identity primary key,
    uuid        varchar(36)  not null unique,
    device_id   varchar(64)  not null references devices (id),
    sequence    bigint       not null,
    domain      varchar(253) not null,
    action      varchar(32)  not null,
    category    varchar(64)  not null,
    username    varchar(200) not null,
    app         varchar(200) not null,
    occurred_at timestamp with time zone not null,
    received_at timestamp with time zone not null
);

create index filter_events_by_device_sequence on filter_events (device_id, sequence);

-- Every read of alert content and every administrative change leaves a row here.
create table audit_log (
    id     bigint generated always as identity primary key,
    at     timestamp with time zone not null,
    actor  varchar(100) not null,
    action varchar(100) not null,
    detail varchar(100000) not null
);
