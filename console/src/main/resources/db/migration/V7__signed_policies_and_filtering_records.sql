-- Vigil console schema, version 7: signed filter policies, what each device runs, nominated-user overlays,
-- and the filtering records devices send (browsing counts, review requests, richer filter events).

-- Every uploaded policy version of a school, immutable once written: a new upload is a new row. Built as a
-- change request so a second approver fits: 'pending' waits for a leader of the school, who may never be the
-- requester (checked here as well as in code); 'live' is the one devices receive; 'superseded' was live.
create table policy_versions (
    id           bigint generated always as identity primary key,
    school_id    bigint        not null references schools (id),
    kind         varchar(32)   not null,
    version      varchar(80)   not null,
    file_name    varchar(200)  not null,
    document     bytea         not null,
    signature    varchar(200),
    key_id       varchar(64),
    requested_by varchar(200)  not null,
    requested_at timestamp with time zone not null,
    reason       varchar(1000) not null default '',
    status       varchar(16)   not null,
    decided_by   varchar(200),
    decided_at   timestamp with time zone,
    constraint policy_versions_kind check (kind in ('filter_policy', 'keyword_lists')),
    constraint policy_versions_status check (status in ('pending', 'rejected', 'live', 'superseded')),
    constraint policy_versions_four_eyes check (decided_by is null or decided_by <> requested_by),
    constraint policy_versions_signed_when_live check (status in ('pending', 'rejected') or signature is not null)
);

create index policy_versions_by_school on policy_versions (school_id, kind, id);

-- What each device last reported: the version it enforces and, if it refused the last push, why.
alter table devices add column policy_version varchar(80);
alter table devices add column policy_error varchar(1000);
alter table devices add column policy_reported_at timestamp with time zone;

-- Time-limited changes to one school's policy for named people, delivered inside the signed policy and
-- expiring on the device by themselves: 'category_access' (a nominated user may reach a blocked category for
-- an investigation; never the illegal lists) and 'suspended' (a pupil's internet withdrawn until a time).
create table filter_overlays (
    id          bigint generated always as identity primary key,
    school_id   bigint        not null references schools (id),
    kind        varchar(32)   not null,
    username    varchar(200)  not null,
    category    varchar(64),
    valid_until timestamp with time zone not null,
    reason      varchar(1000) not null,
    granted_by  varchar(200)  not null,
    granted_at  timestamp with time zone not null,
    constraint filter_overlays_kind check (kind in ('category_access', 'suspended')),
    constraint filter_overlays_category check ((kind = 'category_access') = (category is not null))
);

-- Filter events gain the group and the reason the device decided with.
alter table filter_events add column filter_group varchar(64) not null default '';
alter table filter_events add column reason varchar(500) not null default '';
create index filter_events_by_school_user on filter_events (school_id, username, occurred_at);

-- Allowed browsing as counts only: one row per device, user, domain and clock hour; resent summaries are
-- recognised by their uuid so counts are added exactly once.
create table browsing_counts (
    school_id  bigint       not null references schools (id),
    device_id  varchar(64)  not null references devices (id),
    username   varchar(200) not null,
    domain     varchar(253) not null,
    hour_start timestamp with time zone not null,
    requests   bigint       not null,
    primary key (device_id, username, domain, hour_start)
);

create index browsing_counts_by_school_user on browsing_counts (school_id, username, hour_start);

create table browsing_summaries_received (
    uuid        varchar(36) primary key,
    device_id   varchar(64) not null references devices (id),
    sequence    bigint      not null,
    received_at timestamp with time zone not null
);

-- "Report over-blocking" from the block page, for the IT role to review.
create table review_requests (
    id           bigint generated always as identity primary key,
    uuid         varchar(36)  not null unique,
    school_id    bigint       not null references schools (id),
    device_id    varchar(64)  not null references devices (id),
    sequence     bigint       not null,
    username     varchar(200) not null,
    domain       varchar(253) not null,
    category     varchar(64)  not null,
    user_comment varchar(500) not null,
    requested_at timestamp with time zone not null,
    received_at  timestamp with time zone not null
);

create index review_requests_by_school on review_requests (school_id, requested_at);
