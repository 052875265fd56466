-- Plans brought in from files (docs/import-export.md, "Import"): an upload is read once into the
-- plan Milepost would create from it and the preview that says what would be kept and lost; both
-- are kept here (as JSON) until the uploader confirms or the import expires. Only the uploader
-- sees or confirms it. A confirmed import names the project it made, so a second confirm is refused.
create table plan_import (
    id              uuid primary key,
    uploaded_by     uuid          not null references app_user (id),
    filename        varchar(255)  not null,
    format          varchar(20)   not null,
    file_size       bigint        not null,
    preview         text          not null,
    plan_data       text          not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    confirmed_at    timestamp with time zone,
    project_key     varchar(10)
);

create index ix_plan_import_uploader on plan_import (uploaded_by, created_at);

-- The column mapping (field → column heading, as JSON) each person's last spreadsheet import was read
-- through, offered again for their next sheet with the same columns.
create table import_mapping (
    user_id     uuid primary key references app_user (id),
    mapping     varchar(4000) not null,
    updated_at  timestamp with time zone not null
);
