-- Vigil console schema, version 2: every record belongs to a school; schools may be grouped in a trust
-- (a multi-academy trust); the search index is fed from a per-node outbox instead of a row-id high-water mark.
-- Standard SQL that H2 (MODE=PostgreSQL) and PostgreSQL both run.

create table trusts (
    id         bigint generated always as identity primary key,
    name       varchar(200) not null unique,
    created_at timestamp with time zone not null
);

create table schools (
    id         bigint generated always as identity primary key,
    name       varchar(200) not null unique,
    trust_id   bigint references trusts (id),
    -- Alert times are shown in the school's own zone (with BST), not the server's.
    time_zone  varchar(64) not null default 'Europe/London',
    created_at timestamp with time zone not null
);

-- Existing data migrates into schools named as its devices and tokens already were.
insert into schools (name, created_at)
select s.school, current_timestamp from (
    select school from devices union select school from enrolment_tokens
) s order by s.school;

-- Users existing before schools had no school: they move to the first school, or a default one if the
-- console had users but no devices or tokens yet.
insert into schools (name, created_at)
select 'Default school', current_timestamp from users
where not exists (select 1 from schools) fetch first 1 rows only;

alter table devices add column school_id bigint references schools (id);
update devices set school_id = (select s.id from schools s where s.name = devices.school);
alter table devices alter column school_id set not null;
alter table devices drop column school;
create index devices_by_school on devices (school_id, hostname);

alter table enrolment_tokens add column school_id bigint references schools (id);
update enrolment_tokens set school_id = (select s.id from schools s where s.name = enrolment_tokens.school);
alter table enrolment_tokens alter column school_id set not null;
alter table enrolment_tokens drop column school;

-- A user belongs to one school, or (a deliberate, audited grant) to a whole trust: exactly one is set.
alter table users add column school_id bigint references schools (id);
alter table users add column trust_id bigint references trusts (id);
update users set school_id = (select min(id) from schools);
alter table users add constraint users_one_scope
    check ((school_id is null and trust_id is not null) or (school_id is not null and trust_id is null));

-- Alerts and filter events carry their device's school so that every inbox query is scoped without a join.
alter table alerts add column school_id bigint references schools (id);
update alerts set school_id = (select d.school_id from devices d where d.id = alerts.device_id);
alter table alerts alter column school_id set not null;

alter table filter_events add column school_id bigint references schools (id);
update filter_events set school_id = (select d.school_id from devices d where d.id = filter_events.device_id);
alter table filter_events alter column school_id set not null;

-- The inbox: one school's alerts in urgency order, optionally by status or category. Each index serves
-- its query by reading one page of entries instead of sorting the school's whole history.
drop index alerts_by_urgency;
create index alerts_inbox on alerts (school_id, severity desc, occurred_at desc, id desc);
create index alerts_inbox_by_status on alerts (school_id, status, severity desc, occurred_at desc, id desc);
create index alerts_inbox_by_category on alerts (school_id, category, severity desc, occurred_at desc, id desc);
create index alerts_by_user on alerts (school_id, username, occurred_at desc);

-- Console nodes that keep their own search index. Several nodes may share one PostgreSQL database.
create table console_nodes (
    id            varchar(64) primary key,
    registered_at timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null
);

-- What each node still has to (re)index: written in the same transaction as the alert it names, so a
-- committed alert is always either in the node's index or in its outbox.
create table index_outbox (
    node_id  varchar(64) not null references console_nodes (id) on delete cascade,
    alert_id bigint      not null references alerts (id),
    primary key (node_id, alert_id)
);
