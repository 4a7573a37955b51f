-- Vigil console schema, version 10: TOTP second factor and recovery codes.

-- One TOTP secret per user, sealed (AES-GCM) with a key kept in the data directory, never in the database,
-- so a copy of the database alone does not hand out working codes.
create table user_totp (
    user_id       bigint       primary key references users (id) on delete cascade,
    sealed_secret varchar(200) not null,
    created_at    timestamp with time zone not null
);

-- Time steps whose code has been used: the primary key makes a replayed code fail even across console nodes.
create table user_totp_used (
    user_id bigint not null references users (id) on delete cascade,
    step    bigint not null,
    primary key (user_id, step)
);

-- Single-use recovery codes, stored as SHA-256 (they are random, 50+ bits, so a slow hash adds nothing).
create table user_recovery_codes (
    user_id   bigint      not null references users (id) on delete cascade,
    code_hash varchar(64) not null,
    used_at   timestamp with time zone,
    primary key (user_id, code_hash)
);
