-- What a milestone's status remembers from one status date to the next (StatusMemory): the status
-- date it was last decided for, since when the evidence of risk has been seen without a break, and
-- since when the milestone has been at risk (the hysteresis holds it there until the chance recovers).
alter table milestone_status add column remembered_as_of date;
alter table milestone_status add column low_since date;
alter table milestone_status add column at_risk_since date;
