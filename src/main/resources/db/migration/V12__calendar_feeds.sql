-- Calendar feeds: a secret, revocable iCalendar URL per person per project. Only the SHA-256
-- hash of the secret is kept, as for API tokens; revoking deletes the row.
create table calendar_feed (
    id           uuid primary key,
    project_id   uuid         not null,
    project_key  varchar(10)  not null,
    user_id      uuid         not null references app_user (id),
    secret_hash  varchar(64)  not null,
    secret_hint  varchar(12)  not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    constraint uk_calendar_feed_person unique (project_id, user_id),
    constraint uk_calendar_feed_secret unique (secret_hash)
);

-- Background jobs (simulations; imports later): status and progress live here, not in one
-- instance's memory, so whichever instance a polling page reaches can answer it.
create table background_job (
    id          uuid primary key,
    kind        varchar(40)   not null,
    scope       varchar(64)   not null,
    owner_id    uuid          not null,
    status      varchar(20)   not null,
    done        integer       not null,
    total       integer       not null,
    message     varchar(1000),
    result      text,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    finished_at timestamp with time zone
);

create index ix_background_job_owner on background_job (owner_id, created_at);
