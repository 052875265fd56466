-- Governance that cannot be bypassed (docs/approvals.md, docs/processes.md).
--
-- A request may follow steps (a process's approval step after its tasks, or after another
-- approval): nobody decides it until each task is done and each request approved. Like the rest
-- of the approval tables, no foreign key into the plan: a task deleted since is no longer waited for.
create table approval_prerequisite (
    request_id uuid         not null references approval_request (id),
    seq        integer      not null,
    kind       varchar(10)  not null,
    step_id    uuid         not null,
    name       varchar(200) not null,
    primary key (request_id, seq)
);

-- The work upstream of a request's milestone that was still open when an approver decided, one
-- line each, as they were shown it.
alter table approval_step add column decision_open_work varchar(65536);

-- The work upstream of a milestone that was still open when it was achieved, one line each, as
-- the person who achieved it was shown it (and acknowledged, for an approval or a confirmation).
alter table milestone add column achieved_open_work varchar(65536);
