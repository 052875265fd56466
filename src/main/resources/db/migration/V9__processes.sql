-- Processes: templates of steps (tasks and approvals) closing on a milestone, and the processes
-- started from them with links to the tasks, approval requests and milestone they created. No
-- foreign keys into the plan or approvals: the process module removes a deleted project's rows.

create table process_template (
    id          uuid primary key,
    project_id  uuid          not null,
    project_key varchar(10)   not null,
    name        varchar(200)  not null,
    definition  varchar(65535) not null,
    created_by  varchar(64)   not null,
    created_at  timestamp with time zone not null
);

create index ix_process_template_project on process_template (project_id);

create table process (
    id            uuid primary key,
    project_id    uuid          not null,
    project_key   varchar(10)   not null,
    name          varchar(200)  not null,
    template_id   varchar(64)   not null,
    template_name varchar(200)  not null,
    start_date    date          not null,
    milestone_id  uuid          not null,
    started_by    varchar(64)   not null,
    started_at    timestamp with time zone not null
);

create index ix_process_project on process (project_id);

create table process_step (
    process_id    uuid          not null references process (id),
    seq           int           not null,
    step_key      varchar(40)   not null,
    name          varchar(200)  not null,
    kind          varchar(20)   not null,
    task_id       uuid,
    approval_id   uuid,
    planned_start date          not null,
    due_date      date          not null,
    after_keys    varchar(2000) not null,
    primary key (process_id, seq)
);
