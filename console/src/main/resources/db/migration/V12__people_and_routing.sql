-- Vigil console schema, version 12: people, not usernames. The school's directory (from its MIS export: name,
-- year group, form, role and the person's logins, nothing more), the asset log (which person a device is
-- allocated to), generic and shared logins, priority pupils marked by a DSL, and links from console users to
-- the directory person they are (so "alerts about yourself" is decidable). Alert routing is computed from these
-- at read time, so a re-import or a new allocation changes who sees an alert at once.
-- Standard SQL that H2 (MODE=PostgreSQL) and PostgreSQL both run.

create table directory_people (
    id              bigint generated always as identity primary key,
    school_id       bigint        not null references schools (id),
    display_name    varchar(200)  not null,
    -- 'R', '1'..'13', or '' for staff; what the MIS calls the national curriculum year.
    year_group      varchar(2)    not null default '',
    form            varchar(20)   not null default '',
    role            varchar(20)   not null check (role in ('pupil', 'staff', 'headteacher', 'governor')),
    -- Set by a DSL, never imported: child-protection status stays in the school's record system.
    priority_reason varchar(1000),
    priority_by     varchar(100),
    priority_at     timestamp with time zone
);

create index directory_people_by_school on directory_people (school_id);

-- A person may have several logins (a Windows account, a Google account, ...). Usernames are kept lower case:
-- Windows and Google logins are case-insensitive.
create table directory_logins (
    school_id bigint       not null references schools (id),
    username  varchar(200) not null,
    person_id bigint       not null references directory_people (id) on delete cascade,
    primary key (school_id, username)
);

create index directory_logins_by_person on directory_logins (person_id);

-- The asset log: the person a school device is allocated to.
create table device_allocations (
    device_id    varchar(64)  primary key references devices (id),
    school_id    bigint       not null references schools (id),
    person_id    bigint       not null references directory_people (id) on delete cascade,
    allocated_by varchar(100) not null,
    allocated_at timestamp with time zone not null
);

-- Generic and shared logins (year-group accounts, guests): an exact username or a pattern with '*'.
create table generic_logins (
    school_id bigint       not null references schools (id),
    pattern   varchar(200) not null,
    primary key (school_id, pattern)
);

-- "This console user is that directory person": explicit links, besides a console username equal to one of
-- the person's logins.
create table console_user_people (
    user_id   bigint not null references users (id) on delete cascade,
    person_id bigint not null references directory_people (id) on delete cascade,
    primary key (user_id, person_id)
);
