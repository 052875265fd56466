-- The Monte Carlo figures a milestone's status weighed, stored with it by the status recompute
-- (issue 16): the pages, the status report and the milestone-status JSON read them instead of
-- simulating the plan per request. All null where the chance says nothing (achieved, nothing
-- feeds the milestone, it cannot be achieved, or the plan's estimates could not be simulated).
alter table milestone_status add column chance_of_target double precision;
alter table milestone_status add column p50_date date;
alter table milestone_status add column p80_date date;
alter table milestone_status add column p95_date date;
-- how many runs of the seeded simulation the figures come from
alter table milestone_status add column simulation_runs integer;
