-- Events whose rules failed unexpectedly are tried again later (backing off), up to a limit;
-- retry_at is when an event may be tried next (null: now). Events are claimed by locking their
-- rows in the handling transaction (skipping rows another instance holds), so claimed_until is
-- only read for rows an earlier version left claimed.
alter table automation_event add column retry_at timestamp with time zone;
