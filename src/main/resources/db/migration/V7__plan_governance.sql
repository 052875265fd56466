-- What governance adds to the plan: the history of each milestone's target, and the rejections
-- of deliverables by their acceptors.

-- Every move of a milestone's target: why, who proposed it and who agreed. A re-plan of a missed
-- or at-risk milestone is agreed by the sponsor through an approval request, which
-- approval_request_id names without a foreign key (the plan does not know the approval module's
-- tables); a manager's edit of an on-track milestone has nobody agreeing. The first move's
-- previous_target is the original target.
create table milestone_revision (
    milestone_id        uuid    not null references milestone (id),
    seq                 integer not null,
    project_id          uuid    not null references project (id),
    previous_target     date    not null,
    new_target          date    not null,
    reason              varchar(2000),
    proposed_by         uuid    not null references app_user (id),
    proposed_at         timestamp with time zone not null,
    agreed_by           uuid references app_user (id),
    agreed_on_behalf_of uuid references app_user (id),
    agreed_at           timestamp with time zone,
    approval_request_id uuid,
    primary key (milestone_id, seq)
);

create index ix_milestone_revision_project on milestone_revision (project_id);

-- A deliverable's acceptor may reject it with a reason; it stays open to be reworked.
create table deliverable_rejection (
    deliverable_id uuid    not null references deliverable (id),
    seq            integer not null,
    rejected_by    uuid    not null references app_user (id),
    rejected_at    timestamp with time zone not null,
    reason         varchar(4000) not null,
    primary key (deliverable_id, seq)
);
