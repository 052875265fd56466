-- The runtime of blueprints: the events waiting for rules, every run of a rule with its actions,
-- what each action produced (so "why did this happen?" can be answered), incidents, the system
-- actor rules act as, and each project's time zone for time triggers.

-- A project's time zone (an IANA name); null follows the workspace zone (milepost.time-zone).
alter table project add column time_zone varchar(64);

-- The system actor: rules act as it, not as their author, so they keep working when the author
-- leaves. It cannot sign in: it is disabled, and its hash is a made-up one no known password matches.
insert into app_user (id, username, display_name, email, password_hash, admin, enabled, created_at, version)
values ('00000000-0000-0000-0000-00000000a070', 'automation', 'Automation (blueprints)', null,
        '{bcrypt}$2a$10$AutomationCannotSignInNoPasswordMatchesThisHashEver01', false, false,
        timestamp with time zone '2026-01-01 00:00:00+00', 0);

-- Events waiting for rules: written in the transaction of the change (so a committed change
-- always has its row and a rolled-back one never), handled after the commit by whichever
-- instance claims it. The cause columns carry the run whose action caused the change, for the
-- loop guard.
create table automation_event (
    id           uuid primary key,
    project_id   uuid          not null,
    project_key  varchar(10)   not null,
    trigger_name varchar(40)   not null,
    data         text          not null,
    actor        varchar(64)   not null,
    occurred_at  timestamp with time zone not null,
    cause_run_id uuid,
    cause_depth  integer       not null,
    cause_rules  varchar(2000),
    status       varchar(10)   not null,
    claimed_by   varchar(100),
    claimed_until timestamp with time zone,
    attempts     integer       not null,
    handled_at   timestamp with time zone,
    last_error   varchar(1000)
);

create index ix_automation_event_status on automation_event (status, occurred_at);

-- One run of one rule for one event (or one firing of a time trigger). The dedupe key is unique:
-- the same event never runs a rule twice, whatever instance or retry tries.
create table automation_run (
    id              uuid primary key,
    dedupe_key      varchar(400)  not null,
    project_id      uuid          not null,
    project_key     varchar(10)   not null,
    blueprint_id    uuid          not null,
    blueprint_name  varchar(200)  not null,
    version_id      uuid          not null,
    version_number  integer       not null,
    rule_index      integer       not null,
    rule_name       varchar(200)  not null,
    trigger_name    varchar(40)   not null,
    event_data      text          not null,
    condition_text  varchar(2000),
    condition_value boolean,
    condition_error varchar(1000),
    status          varchar(20)   not null,
    detail          varchar(2000),
    cause_run_id    uuid,
    depth           integer       not null,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    constraint uk_automation_run_dedupe unique (dedupe_key)
);

create index ix_automation_run_project on automation_run (project_id, started_at);
create index ix_automation_run_blueprint on automation_run (blueprint_id, started_at);

-- What each action of a run did.
create table automation_action (
    run_id       uuid          not null references automation_run (id),
    action_index integer       not null,
    action       varchar(40)   not null,
    status       varchar(10)   not null,
    detail       varchar(2000),
    entity_type  varchar(20),
    entity_id    varchar(100),
    primary key (run_id, action_index)
);

-- The effects index: an entity an action produced -> the run and action that produced it.
create table automation_effect (
    entity_type  varchar(20)   not null,
    entity_id    varchar(100)  not null,
    run_id       uuid          not null references automation_run (id),
    action_index integer       not null,
    primary key (entity_type, entity_id, run_id, action_index)
);

create index ix_automation_effect_run on automation_effect (run_id);

-- Something went wrong in a run (a failing action, a loop stopped) and a person should look.
create table automation_incident (
    id           uuid primary key,
    project_id   uuid          not null,
    project_key  varchar(10)   not null,
    run_id       uuid          references automation_run (id),
    kind         varchar(20)   not null,
    message      varchar(2000) not null,
    created_at   timestamp with time zone not null,
    resolved_at  timestamp with time zone,
    resolved_by  varchar(64)
);

create index ix_automation_incident_project on automation_incident (project_id, created_at);
