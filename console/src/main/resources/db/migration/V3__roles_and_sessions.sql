-- Vigil console schema, version 3: a user holds one or more roles, and sessions live in the database.

-- One person may hold several roles (in a small primary the DSL is often the headteacher).
create table user_roles (
    user_id bigint      not null references users (id) on delete cascade,
    role    varchar(40) not null check (role in ('dsl', 'deputy_dsl', 'online_safety_lead', 'it_provider',
                                                 'headteacher', 'chair_of_governors', 'governor', 'auditor')),
    primary key (user_id, role)
);

-- Version 1 had one role per user. it_admin is now it_provider (schools buy IT support in) and leader, the
-- reports-only role, is now headteacher.
insert into user_roles (user_id, role)
select id, case role when 'it_admin' then 'it_provider' when 'leader' then 'headteacher' else role end
from users;

alter table users drop column role;

-- Signed-in console sessions, so a restart signs nobody out and several console nodes can share them.
create table sessions (
    -- SHA-256 (hex) of the 256-bit session id the browser holds; the id itself is never stored.
    id_hash      varchar(64) primary key,
    user_id      bigint      not null references users (id) on delete cascade,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone not null
);

-- Idle sessions are swept by last use.
create index sessions_by_last_used on sessions (last_used_at);
