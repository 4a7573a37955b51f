-- Vigil console schema, version 13: publishing keyword lists with four eyes, emergency blocks, school words,
-- the signed bundle each school's devices receive, and what each device runs.

-- Every proposed change to one layer of keyword lists: the provider's lists (school_id null, provider-wide)
-- or one school's own words. The layer is stored whole (rollback = an older layer proposed again). A change is
-- 'pending' until a second person approves it; an emergency change is 'live' at once and carries a review
-- deadline instead. Nobody decides or reviews their own change (checked here as well as in code).
create table keyword_list_changes (
    id            bigint generated always as identity primary key,
    school_id     bigint        references schools (id),
    action        varchar(16)   not null,
    layer         bytea         not null,
    layer_version varchar(80)   not null,
    -- The live layer the change was made against: approving it after another change went live is refused.
    base_version  varchar(80)   not null,
    diff          bytea         not null,
    retro_test    bytea         not null,
    reason        varchar(1000) not null,
    requested_by  varchar(200)  not null,
    requested_at  timestamp with time zone not null,
    status        varchar(16)   not null,
    decided_by    varchar(200),
    decided_at    timestamp with time zone,
    review_due    timestamp with time zone,
    reviewed_by   varchar(200),
    reviewed_at   timestamp with time zone,
    flagged_at    timestamp with time zone,
    constraint keyword_list_changes_action check (action in ('upload', 'emergency', 'rollback')),
    constraint keyword_list_changes_status check (status in ('pending', 'rejected', 'live', 'superseded')),
    constraint keyword_list_changes_four_eyes check (decided_by is null or decided_by <> requested_by),
    constraint keyword_list_changes_review_eyes check (reviewed_by is null or reviewed_by <> requested_by)
);

create index keyword_list_changes_by_school on keyword_list_changes (school_id, status, id);

-- The schools a change affects (every school for a provider-wide change): each school's change log lists it.
create table keyword_list_change_schools (
    change_id bigint not null references keyword_list_changes (id),
    school_id bigint not null references schools (id),
    primary key (change_id, school_id)
);

create index keyword_list_change_schools_by_school on keyword_list_change_schools (school_id, change_id);

-- The signed bundle (provider lists + the school's words) the school's devices receive; replaced on approval.
create table school_keyword_bundles (
    school_id    bigint       primary key references schools (id),
    version      varchar(80)  not null,
    bundle       bytea        not null,
    signature    varchar(200) not null,
    key_id       varchar(64)  not null,
    change_id    bigint       not null references keyword_list_changes (id),
    published_at timestamp with time zone not null
);

-- What each device last said about its keyword lists: the version it matches with and why it refused the
-- last push (null when the last push applied).
create table device_list_status (
    device_id   varchar(64)   primary key references devices (id),
    running     varchar(80)   not null,
    error       varchar(1000),
    reported_at timestamp with time zone not null
);
