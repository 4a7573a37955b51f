-- Vigil console schema, version 16: filter-policy changes join the shared change log (keyword lists' model):
-- a reason and a diff, provider-wide changes, rollback, and emergency domain blocks reviewed within 24 hours.

-- One change may touch several schools (a provider-wide change, an emergency block for every school): it is
-- one row per school (each school's live pointer moves on its own) sharing a change_group, which is the id of
-- the change's first row. A school's change log lists its row; a decision or review covers the whole group.
alter table policy_versions add column change_group bigint;
update policy_versions set change_group = id;
alter table policy_versions add column provider_wide boolean default false not null;
alter table policy_versions add column action varchar(16) default 'upload' not null;
-- Lines added and removed against the live policy when the change was made ("+ line" / "- line"), bounded.
alter table policy_versions add column diff varchar(20000) default '' not null;
alter table policy_versions add column review_due timestamp with time zone;
alter table policy_versions add column reviewed_by varchar(200);
alter table policy_versions add column reviewed_at timestamp with time zone;
alter table policy_versions add column flagged_at timestamp with time zone;
alter table policy_versions add constraint policy_versions_action
    check (action in ('upload', 'emergency', 'rollback', 'overlay'));
-- Nobody reviews their own emergency block (checked in code as well).
alter table policy_versions add constraint policy_versions_review_eyes
    check (reviewed_by is null or reviewed_by <> requested_by);

create index policy_versions_by_group on policy_versions (change_group);
