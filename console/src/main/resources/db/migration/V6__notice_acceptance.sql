-- The first time each user accepted each version of a device's monitoring notice: the school's record that
-- the user was told they are monitored. Sent by the agent through its spool like alerts, so it may arrive
-- more than once: stored once, keyed on the uuid the device made.
create table notice_acceptances (
    id             bigint generated always as identity primary key,
    uuid           varchar(36)  not null unique,
    device_id      varchar(64)  not null references devices (id),
    school_id      bigint       not null references schools (id),
    sequence       bigint       not null,
    username       varchar(200) not null,
    notice_version varchar(100) not null,
    user_group     varchar(64)  not null,
    accepted_at    timestamp with time zone not null,
    received_at    timestamp with time zone not null
);

create index notice_acceptances_by_school_user on notice_acceptances (school_id, username, accepted_at desc);
create index notice_acceptances_by_device_sequence on notice_acceptances (device_id, sequence);
