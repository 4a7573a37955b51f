-- The language the pupil wrote in (ISO 639 code from the matching rule's list section), so the DSL sees the
-- original words with their language and the category in English. '' for alerts from older agents.
alter table alerts add column language varchar(16) not null default '';
