-- Vigil console schema, version 4: what each device can capture, and screenshot evidence.

-- Capabilities the agent reported in its last Hello/Heartbeat, space-separated ("capture.keyboard capture.windows"),
-- and those it could not start, one per line as "<capability>\t<reason>" ("capture.keyboard\tno display").
alter table devices add column capabilities varchar(1000) not null default '';
alter table devices add column unavailable_capabilities varchar(4000) not null default '';
-- Manufacturer and model as the agent's firmware reports them ('' for virtual machines).
alter table devices add column model varchar(200) not null default '';

-- At most one screenshot per alert, taken by the agent when the alert was raised. Only safeguarding roles
-- may view it (each view is audited); it goes when its alert goes.
create table alert_screenshots (
    alert_uuid  varchar(36)  primary key references alerts (uuid) on delete cascade,
    media_type  varchar(50)  not null,
    width       integer      not null,
    height      integer      not null,
    data        bytea        not null,
    received_at timestamp with time zone not null
);
