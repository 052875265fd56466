-- A project's plan version: every transaction that changes what a plan reads (tasks, milestones,
-- links, deliverables, goals, members, the project's dates and calendar, the workspace calendar,
-- people's names and whether they are active) adds one, once per transaction (PlanVersions). An
-- instance that keeps a project's plan compiled in memory compares its copy's version with this
-- one (one cheap read) to tell whether its copy is stale, whichever instance made the change.
-- A table of its own rather than a column of project: a recompute holds the project's row locked
-- while it works, and a plan edit must not wait for it.
create table plan_version (
    project_id uuid   primary key references project (id) on delete cascade,
    version    bigint not null
);

insert into plan_version (project_id, version) select id, 1 from project;
