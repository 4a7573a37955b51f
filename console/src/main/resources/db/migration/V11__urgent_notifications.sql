-- Vigil console schema, version 11: being told about urgent alerts. Standard SQL that H2 (MODE=PostgreSQL) and
-- PostgreSQL both run; depends only on V1-V9 (alerts, schools).

-- A school's urgent-alert settings; a school without a row uses the defaults in UrgentSettings (severity 5,
-- escalate after 10 minutes).
create table urgent_settings (
    school_id              bigint primary key references schools (id),
    min_severity           integer not null check (min_severity between 1 and 5),
    escalate_after_minutes integer not null check (escalate_after_minutes between 1 and 1440),
    updated_by             varchar(100) not null,
    updated_at             timestamp with time zone not null
);

-- Who is told, in order: position 0 is told first, each later position when the one before has not
-- acknowledged in time. The email address is the only contact detail the console keeps for a user.
create table oncall (
    school_id bigint       not null references schools (id),
    position  integer      not null check (position >= 0),
    username  varchar(100) not null,
    email     varchar(320) not null,
    primary key (school_id, position)
);

-- One row per message to send about an urgent alert: step 0 tells the first on-call person (and the webhook),
-- step n the person at position n. Step 0 is written in the same transaction as the alert, so an urgent alert
-- is never stored without its message; a console that stops before sending sends after it starts again.
-- A sender claims a row (claimed_until) before sending, so two console nodes never send the same message.
-- email_sent_at and webhook_sent_at are kept apart so a failing webhook never re-sends the email.
create table urgent_outbox (
    id              bigint generated always as identity primary key,
    alert_id        bigint        not null references alerts (id) on delete cascade,
    step            integer       not null,
    due_at          timestamp with time zone not null,
    attempts        integer       not null default 0,
    claimed_until   timestamp with time zone,
    email_sent_at   timestamp with time zone,
    webhook_sent_at timestamp with time zone,
    done_at         timestamp with time zone,
    -- Set once the escalation check has dealt with this step (acknowledged, escalated, or nobody left).
    followed_up     boolean       not null default false,
    last_error      varchar(500),
    constraint urgent_outbox_once unique (alert_id, step)
);
create index urgent_outbox_due on urgent_outbox (done_at, due_at);
create index urgent_outbox_follow_up on urgent_outbox (followed_up, done_at);
