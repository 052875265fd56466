-- Scheduling: named baselines, each milestone's current status with its reasons, and the
-- history of its forecast (for trend charts). No foreign keys into the plan: the schedule
-- module removes its rows when the plan tells it a project or milestone was deleted.

create table baseline (
    id          uuid primary key,
    project_id  uuid         not null,
    name        varchar(100) not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(64)  not null,
    status_date date         not null,
    constraint uk_baseline_name unique (project_id, name)
);

create table baseline_activity (
    baseline_id   uuid        not null references baseline (id),
    activity_id   uuid        not null,
    activity_kind varchar(10) not null,
    name          varchar(200) not null,
    start_date    date        not null,
    finish_date   date        not null,
    duration_days integer     not null,
    primary key (baseline_id, activity_id)
);

create table milestone_status (
    milestone_id  uuid primary key,
    project_id    uuid        not null,
    status        varchar(20) not null,
    forecast_date date,
    slack_days    integer,
    reasons       text        not null,
    computed_at   timestamp with time zone not null
);

create index ix_milestone_status_project on milestone_status (project_id);

create table milestone_forecast (
    milestone_id  uuid not null,
    project_id    uuid not null,
    status_date   date not null,
    forecast_date date not null,
    recorded_at   timestamp with time zone not null,
    primary key (milestone_id, status_date)
);

create index ix_milestone_forecast_project on milestone_forecast (project_id);
