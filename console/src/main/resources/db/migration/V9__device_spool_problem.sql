-- What the device's agent last reported about its spool: empty when it writes normally, otherwise why it
-- cannot ("No space left on device"). While it is set, the device holds new alerts in memory only.
alter table devices add column spool_problem varchar(500) default '' not null;
