-- The audit record: one hash chain per scope (a project key, or 'workspace'). Rows are only ever
-- inserted; each entry's hash covers its contents and the previous entry's hash.
create table audit_entry (
    id           uuid         primary key,
    scope        varchar(64)  not null,
    seq          bigint       not null,
    recorded_at  timestamp with time zone not null,
    actor        varchar(64)  not null,
    entity_type  varchar(64)  not null,
    entity_id    varchar(100) not null,
    action       varchar(64)  not null,
    changes      text         not null,
    before_state text         not null,
    after_state  text         not null,
    prev_hash    varchar(64)  not null,
    hash         varchar(64)  not null,
    -- its index also serves listing a scope newest first and walking a chain in order
    constraint uk_audit_entry_scope_seq unique (scope, seq)
);

create index ix_audit_entry_entity on audit_entry (scope, entity_type, entity_id, seq);

-- Each chain's head. Appends lock this row (select ... for update), which serializes them per
-- scope across threads and application instances.
create table audit_chain (
    scope     varchar(64) primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
