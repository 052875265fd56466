-- The plan: projects with their calendar, members, goals, tasks, milestones, deliverables and
-- the dependencies between tasks and milestones.

create table workspace_calendar (
    id           varchar(16) primary key,
    working_days varchar(80) not null,
    version      bigint      not null
);

create table workspace_holiday (
    calendar_id  varchar(16)  not null references workspace_calendar (id),
    holiday_date date         not null,
    name         varchar(100) not null,
    primary key (calendar_id, holiday_date)
);

insert into workspace_calendar (id, working_days, version)
values ('default', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', 1);

create table project (
    id            uuid primary key,
    project_key   varchar(10)  not null,
    name          varchar(200) not null,
    description   varchar(4000),
    sponsor_id    uuid         not null references app_user (id),
    manager_id    uuid         not null references app_user (id),
    start_date    date         not null,
    target_finish date         not null,
    status        varchar(20)  not null,
    working_days  varchar(80),
    created_at    timestamp with time zone not null,
    version       bigint       not null,
    constraint uk_project_key unique (project_key)
);

create table project_holiday (
    project_id   uuid         not null references project (id),
    holiday_date date         not null,
    name         varchar(100) not null,
    primary key (project_id, holiday_date)
);

create table project_member (
    id         uuid primary key,
    project_id uuid        not null references project (id),
    user_id    uuid        not null references app_user (id),
    role       varchar(20) not null,
    version    bigint      not null,
    constraint uk_project_member unique (project_id, user_id)
);

create index ix_project_member_user on project_member (user_id);

create table goal (
    id         uuid primary key,
    project_id uuid         not null references project (id),
    outcome    varchar(500) not null,
    measure    varchar(500),
    created_at timestamp with time zone not null,
    version    bigint       not null
);

create index ix_goal_project on goal (project_id);

create table task (
    id                   uuid primary key,
    project_id           uuid         not null references project (id),
    name                 varchar(200) not null,
    description          varchar(4000),
    duration_days        integer      not null,
    effort_hours         numeric(10, 1),
    percent_complete     integer      not null,
    planned_start        date,
    actual_start         date,
    actual_finish        date,
    estimate_optimistic  integer,
    estimate_most_likely integer,
    estimate_pessimistic integer,
    created_at           timestamp with time zone not null,
    version              bigint       not null
);

create index ix_task_project on task (project_id);

create table task_assignee (
    task_id uuid not null references task (id),
    user_id uuid not null references app_user (id),
    primary key (task_id, user_id)
);

create table milestone (
    id                    uuid primary key,
    project_id            uuid          not null references project (id),
    name                  varchar(200)  not null,
    description           varchar(4000),
    target_date           date          not null,
    owner_id              uuid          not null references app_user (id),
    criterion_kind        varchar(40)   not null,
    criterion_text        varchar(1000) not null,
    criterion_approver_id uuid references app_user (id),
    criterion_role        varchar(20),
    tags                  varchar(500),
    achieved_at           timestamp with time zone,
    achieved_by           uuid references app_user (id),
    evidence_kind         varchar(40),
    evidence              varchar(4000),
    created_at            timestamp with time zone not null,
    version               bigint        not null
);

create index ix_milestone_project on milestone (project_id);

create table deliverable (
    id              uuid primary key,
    project_id      uuid         not null references project (id),
    name            varchar(200) not null,
    description     varchar(4000),
    acceptor_id     uuid         not null references app_user (id),
    milestone_id    uuid references milestone (id),
    accepted_at     timestamp with time zone,
    accepted_by     uuid references app_user (id),
    acceptance_note varchar(4000),
    created_at      timestamp with time zone not null,
    version         bigint       not null
);

create index ix_deliverable_project on deliverable (project_id);

-- Predecessor and successor are each a task or a milestone of the same project.
create table dependency (
    id               uuid primary key,
    project_id       uuid        not null references project (id),
    predecessor_id   uuid        not null,
    predecessor_kind varchar(10) not null,
    successor_id     uuid        not null,
    successor_kind   varchar(10) not null,
    link_type        varchar(2)  not null,
    lag_days         integer     not null,
    created_at       timestamp with time zone not null,
    version          bigint      not null,
    constraint uk_dependency unique (predecessor_id, successor_id)
);

create index ix_dependency_project on dependency (project_id);
create index ix_dependency_successor on dependency (successor_id);
