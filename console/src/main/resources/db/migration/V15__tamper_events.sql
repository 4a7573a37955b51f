-- Vigil console schema, version 15: tamper events. A device reports that its session helper was stopped
-- without saying goodbye, that its config file changed, or that the OS DNS setting pointing at the filter
-- changed. IT-facing: what changed, never anything a pupil typed. Stored once per uuid (devices resend what
-- was not acknowledged); the school is the device's at the time it is received.
create table tamper_events (
    id          bigint generated always as identity primary key,
    uuid        varchar(36)  not null unique,
    school_id   bigint       not null references schools (id),
    device_id   varchar(64)  not null references devices (id),
    sequence    bigint       not null,
    kind        varchar(32)  not null,
    detail      varchar(500) not null,
    username    varchar(200) not null,
    occurred_at timestamp with time zone not null,
    received_at timestamp with time zone not null,
    constraint tamper_events_kind check (kind in ('helper_stopped', 'config_changed', 'dns_changed'))
);

create index tamper_events_by_device_sequence on tamper_events (device_id, sequence);
create index tamper_events_by_school_time on tamper_events (school_id, occurred_at);
