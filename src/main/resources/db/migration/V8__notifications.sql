-- Notifications: what happened (one event), what is to be delivered to whom on which channel
-- (the outbox, written in the transaction of the change that caused it), the in-app inbox, the
-- per-person preferences and the webhook endpoints with their delivery attempts. No foreign keys
-- into other modules' tables: rows of deleted projects are removed when the plan says so.

create table notification_event (
    id           uuid primary key,
    event_key    varchar(300)  not null,
    kind         varchar(40)   not null,
    project_id   uuid,
    project_key  varchar(10),
    subject_type varchar(40),
    subject_id   varchar(100),
    title        varchar(300)  not null,
    body         varchar(8000) not null,
    data         text          not null,
    occurred_at  timestamp with time zone not null,
    constraint uk_notification_event_key unique (event_key)
);

-- The outbox: one row per delivery. The idempotency key (event key, recipient, channel) is
-- unique, so an event, a reminder or a retry can never make a second delivery of the same thing.
create table notification_delivery (
    id              uuid primary key,
    idempotency_key varchar(400) not null,
    event_id        uuid         not null references notification_event (id),
    channel         varchar(10)  not null,
    recipient_id    uuid,
    webhook_id      uuid,
    project_id      uuid,
    status          varchar(10)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone not null,
    retry_from      timestamp with time zone not null,
    lease_token     uuid,
    lease_until     timestamp with time zone,
    last_attempt_at timestamp with time zone,
    last_status     integer,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    delivered_by    varchar(100),
    constraint uk_notification_delivery_key unique (idempotency_key)
);

create index ix_notification_delivery_due on notification_delivery (status, next_attempt_at);
create index ix_notification_delivery_webhook on notification_delivery (webhook_id, created_at);
create index ix_notification_delivery_project on notification_delivery (project_id, status);
create index ix_notification_delivery_lease on notification_delivery (lease_token);

-- The in-app inbox; a delivery makes at most one entry.
create table notification (
    id           uuid primary key,
    user_id      uuid          not null,
    delivery_id  uuid          not null,
    event_id     uuid          not null,
    kind         varchar(40)   not null,
    project_key  varchar(10),
    subject_type varchar(40),
    subject_id   varchar(100),
    title        varchar(300)  not null,
    body         varchar(8000) not null,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone,
    constraint uk_notification_delivery unique (delivery_id)
);

create index ix_notification_user on notification (user_id, created_at);

create table notification_preference (
    user_id      uuid primary key,
    channels     varchar(2000) not null,
    email_digest varchar(10)   not null,
    updated_at   timestamp with time zone not null
);

-- A webhook endpoint of a project, or of the workspace when project_id is null.
create table webhook (
    id              uuid primary key,
    project_id      uuid,
    url             varchar(2000) not null,
    secret          varchar(100)  not null,
    events          varchar(1000),
    format          varchar(10)   not null,
    description     varchar(500),
    enabled         boolean       not null,
    disabled_reason varchar(500),
    created_at      timestamp with time zone not null,
    created_by      varchar(64)   not null
);

create index ix_webhook_project on webhook (project_id);

create table webhook_attempt (
    id           uuid primary key,
    delivery_id  uuid         not null,
    webhook_id   uuid         not null,
    attempted_at timestamp with time zone not null,
    status_code  integer,
    error        varchar(1000),
    duration_ms  integer      not null
);

create index ix_webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
