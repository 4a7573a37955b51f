-- Vigil console schema, version 8: the DSL's casework on an alert. Who acknowledged it, who it is assigned to,
-- where it is in the workflow, what was done (outcome, CPOMS reference, referrals, parents not informed on
-- advice), append-only notes, and a history of every change. Retention settings per school and a legal hold
-- that stops the purge. Standard SQL that H2 (MODE=PostgreSQL) and PostgreSQL both run.

-- 'escalated' joins the workflow. The old check was unnamed (each database named it differently), so the
-- column is replaced rather than its constraint altered; the index that reads it is rebuilt after.
drop index alerts_inbox_by_status;
alter table alerts add column workflow_status varchar(20) not null default 'new'
    constraint alerts_workflow_status check (workflow_status in ('new', 'in_review', 'escalated', 'closed'));
update alerts set workflow_status = status;
alter table alerts drop column status;
alter table alerts rename column workflow_status to status;
create index alerts_inbox_by_status on alerts (school_id, status, severity desc, occurred_at desc, id desc);

-- Incidents a DSL logs by hand (a disclosure, something off-site) are alerts with no device: same workflow,
-- same inbox and search. Their source says how they came ('manual:disclosure').
alter table alerts alter column device_id drop not null;

alter table alerts add column assignee varchar(100);
alter table alerts add column acknowledged_by varchar(100);
alter table alerts add column acknowledged_at timestamp with time zone;
-- One of the outcomes the console offers (Outcome ids); set when the case is closed.
alter table alerts add column outcome varchar(40);
alter table alerts add column cpoms_reference varchar(100);
-- Parents or carers were not told because the police or children's social care advised against it: why.
alter table alerts add column parents_not_informed varchar(1000);
-- A case under legal hold is never purged, whatever the retention settings say.
alter table alerts add column legal_hold boolean not null default false;

-- A case change re-queues its alert for every node's index. A node that read the alert before the change and
-- reports it done afterwards must not drop the newer entry: the change marks an entry already queued as
-- requeued, and "done" then clears the mark and keeps the entry, instead of deleting it.
alter table index_outbox add column requeued boolean not null default false;

-- Everything that happened to an alert's case, in order: append-only (the console never updates or deletes
-- a row here except when the alert itself is purged).
create table alert_history (
    id       bigint generated always as identity primary key,
    alert_id bigint        not null references alerts (id) on delete cascade,
    at       timestamp with time zone not null,
    actor    varchar(100)  not null,
    change   varchar(40)   not null,
    detail   varchar(4000) not null
);
create index alert_history_by_alert on alert_history (alert_id, id);

-- The DSL's notes: append-only, timestamped, with their author.
create table alert_notes (
    id       bigint generated always as identity primary key,
    alert_id bigint         not null references alerts (id) on delete cascade,
    at       timestamp with time zone not null,
    author   varchar(100)   not null,
    body     varchar(10000) not null
);
create index alert_notes_by_alert on alert_notes (alert_id, id);

-- Referrals made about the case: the agency (Agency ids), the day it was made and the agency's reference.
create table alert_referrals (
    id          bigint generated always as identity primary key,
    alert_id    bigint       not null references alerts (id) on delete cascade,
    agency      varchar(40)  not null,
    referred_on date         not null,
    reference   varchar(200) not null,
    recorded_by varchar(100) not null,
    recorded_at timestamp with time zone not null
);
create index alert_referrals_by_alert on alert_referrals (alert_id, id);

-- A school's casework settings; a school without a row uses the defaults in SchoolSettings. How long records are
-- kept (screenshots; closed alerts with their case records), and the window within which repeated alerts of one
-- pupil in one category are grouped in the inbox.
create table school_settings (
    school_id             bigint primary key references schools (id),
    screenshot_days       integer not null check (screenshot_days between 1 and 3650),
    closed_alert_days     integer not null check (closed_alert_days between 1 and 36500),
    repeat_window_minutes integer not null check (repeat_window_minutes between 0 and 10080),
    updated_by            varchar(100) not null,
    updated_at            timestamp with time zone not null
);
