-- People and their personal API tokens.
create table app_user (
    id            uuid primary key,
    username      varchar(64)  not null,
    display_name  varchar(200) not null,
    email         varchar(320),
    password_hash varchar(200) not null,
    admin         boolean      not null,
    enabled       boolean      not null,
    created_at    timestamp with time zone not null,
    version       bigint       not null,
    constraint uk_app_user_username unique (username)
);

create table api_token (
    id           uuid primary key,
    user_id      uuid        not null references app_user (id),
    name         varchar(100) not null,
    token_hash   varchar(64) not null,
    prefix       varchar(16) not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    version      bigint      not null,
    constraint uk_api_token_hash unique (token_hash)
);

create index ix_api_token_user on api_token (user_id);
