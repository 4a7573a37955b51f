-- Vigil console schema, version 14: the device lifecycle (enrolment tokens that expire and can be revoked,
-- devices that can be revoked) and device health (what each heartbeat said, IT-facing alerts).
-- Standard SQL that H2 (MODE=PostgreSQL) and PostgreSQL both run.

-- Who made each token, when it stops working (null: never), how many devices enrolled with it, and who
-- revoked it. Tokens made before this version name no creator ('').
alter table enrolment_tokens add column created_by varchar(100) default '' not null;
alter table enrolment_tokens add column expires_at timestamp with time zone;
alter table enrolment_tokens add column uses integer default 0 not null;
alter table enrolment_tokens add column revoked_by varchar(100);

-- Which token enrolled the device (null for devices enrolled before this version), and whether the school's
-- IT provider revoked it: a revoked device's credential is refused for good, its records are kept.
alter table devices add column enrolment_token_id bigint references enrolment_tokens (id);
alter table devices add column revoked_at timestamp with time zone;
alter table devices add column revoked_by varchar(100);
-- The last heartbeat's figures: records waiting on the device, records the console refused and the device
-- set aside, and the keyword-list and policy versions the agent says it runs.
alter table devices add column spool_depth bigint default 0 not null;
alter table devices add column refused_count bigint default 0 not null;
alter table devices add column reported_list_version varchar(100) default '' not null;
alter table devices add column reported_policy_version varchar(100) default '' not null;

-- How long a school's device may be silent before it counts as "not reporting". Absent: the default.
create table device_health_settings (
    school_id    bigint primary key references schools (id),
    silent_hours integer not null,
    updated_by   varchar(100) not null,
    updated_at   timestamp with time zone not null
);

-- Alerts for the IT provider about the fleet ("device not reporting"), never shown as safeguarding alerts.
-- open_key is "<device>|<kind>" while the alert is open and null once cleared: the unique index then allows one
-- open alert per device and kind, on H2 and PostgreSQL alike (both allow many nulls in a unique index).
create table it_alerts (
    id         bigint generated always as identity primary key,
    school_id  bigint       not null references schools (id),
    device_id  varchar(64)  not null references devices (id),
    kind       varchar(40)  not null,
    detail     varchar(500) not null,
    raised_at  timestamp with time zone not null,
    cleared_at timestamp with time zone,
    open_key   varchar(110)
);

create unique index it_alerts_one_open on it_alerts (open_key);
create index it_alerts_by_school on it_alerts (school_id, raised_at);
