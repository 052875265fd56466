-- Automation blueprints (docs/blueprints.md): a blueprint belongs to one project, or to the
-- workspace when project_id is null; every save is a new, immutable version; a project can pause
-- all of its automation and applies workspace blueprints by choice. No foreign keys into the plan:
-- the automation module removes a deleted project's rows.

create table blueprint (
    id             uuid primary key,
    project_id     uuid,
    project_key    varchar(10),
    name           varchar(120)  not null,
    status         varchar(10)   not null,
    active_version int,
    latest_version int           not null,
    version        bigint        not null,
    created_by     varchar(64)   not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

create index ix_blueprint_project on blueprint (project_id);

create table blueprint_version (
    id           uuid primary key,
    blueprint_id uuid          not null references blueprint (id),
    number       int           not null,
    yaml         varchar(65536) not null,
    author       varchar(64)   not null,
    created_at   timestamp with time zone not null,
    valid        boolean       not null,
    note         varchar(500),
    constraint uq_blueprint_version unique (blueprint_id, number)
);

create table project_automation (
    project_id  uuid primary key,
    project_key varchar(10)  not null,
    paused      boolean      not null,
    version     bigint       not null,
    changed_by  varchar(64)  not null,
    changed_at  timestamp with time zone not null
);

create table project_blueprint (
    project_id   uuid         not null,
    project_key  varchar(10)  not null,
    blueprint_id uuid         not null references blueprint (id),
    applied_by   varchar(64)  not null,
    applied_at   timestamp with time zone not null,
    primary key (project_id, blueprint_id)
);
