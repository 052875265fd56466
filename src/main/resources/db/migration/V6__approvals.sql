-- Approvals: requests that name approvers (people, or a project role), decided in sequence or in
-- parallel, and each approver's turn with its delegation and decision. No foreign keys into the
-- plan: a request names its project by id and key and its subject by id; the approval module
-- removes a deleted project's requests itself.

create table approval_request (
    id             uuid primary key,
    project_id     uuid         not null,
    project_key    varchar(10)  not null,
    request_number bigint       not null,
    title          varchar(200) not null,
    description    varchar(4000),
    subject_kind   varchar(20)  not null,
    subject_id     uuid,
    subject_name   varchar(200),
    replan_from    date,
    replan_to      date,
    replan_reason  varchar(2000),
    approval_mode  varchar(20)  not null,
    due_date       date         not null,
    status         varchar(20)  not null,
    requested_by   uuid         not null references app_user (id),
    requested_at   timestamp with time zone not null,
    closed_at      timestamp with time zone,
    version        bigint       not null,
    constraint uk_approval_request_number unique (project_id, request_number)
);

create index ix_approval_request_project on approval_request (project_id);
create index ix_approval_request_subject on approval_request (subject_id);

-- One approver's turn; seq is its place in the request (the order of a sequence).
create table approval_step (
    request_id       uuid    not null references approval_request (id),
    seq              integer not null,
    approver_id      uuid references app_user (id),
    approver_role    varchar(20),
    delegate_id      uuid references app_user (id),
    delegated_by     uuid references app_user (id),
    delegated_at     timestamp with time zone,
    delegation_note  varchar(1000),
    decision         varchar(10),
    decided_by       uuid references app_user (id),
    decided_at       timestamp with time zone,
    decision_comment varchar(4000),
    primary key (request_id, seq),
    constraint ck_approval_step_approver check ((approver_id is null) <> (approver_role is null))
);

create index ix_approval_step_approver on approval_step (approver_id);
create index ix_approval_step_delegate on approval_step (delegate_id);
