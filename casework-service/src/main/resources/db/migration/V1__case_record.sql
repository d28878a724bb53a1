-- casework-service's schema. Flyway runs it as the database owner; the service itself connects as
-- ${appRole}, which gets only what it needs: in particular it may add to the audit log and read it,
-- never change or remove a line of it.

-- One row per case: assembled from intake-submissions (the form) and cases-crisis / cases-routed
-- (the triage decision), whichever arrives first.
create table staff_case (
    case_id                 varchar(64) primary key,
    received_at             timestamptz not null default now(),
    submitted_at            timestamptz,
    locale                  varchar(8),
    country                 varchar(2),
    patient_name            text,
    patient_email           text,
    patient_phone           text,
    preferred_contact       varchar(16),
    contact_consent         boolean,
    form                    jsonb,          -- the whole intake form as submitted
    triaged_at              timestamptz,
    crisis                  boolean     not null default false,
    risk_level              varchar(16),
    track                   varchar(32),    -- the current track (staff may change it)
    suggested_track         varchar(32),    -- triage's suggestion
    secondary_tracks        jsonb,
    flags                   jsonb,          -- every flag with its evidence and offsets
    scores                  jsonb,          -- questionnaire totals with bands
    rationale               jsonb,
    ruleset_version         varchar(64),
    status                  varchar(32) not null default 'NEW',
    assignee                varchar(255),
    assignee_name           varchar(255),
    acknowledged_at         timestamptz,
    acknowledged_by         varchar(255),
    acknowledged_by_name    varchar(255),
    acknowledgement_due_at  timestamptz,
    next_escalation_at      timestamptz,
    escalation_step         integer     not null default 0,
    version                 integer     not null default 0
);

create index staff_case_inbox on staff_case (crisis, track, status, submitted_at);
create index staff_case_due_escalation on staff_case (next_escalation_at) where next_escalation_at is not null;

-- What happened to a case, in order. Rows from consumed events carry the event id, so that a
-- redelivered event adds nothing.
create table case_timeline (
    id            bigserial primary key,
    case_id       varchar(64) not null,
    at            timestamptz not null default now(),
    kind          varchar(40) not null,
    actor         varchar(255),
    actor_name    varchar(255),
    detail        text,
    source_event  uuid unique
);

create index case_timeline_case on case_timeline (case_id, at);

-- Everyone who has signed in, so that a case can be assigned to them.
create table staff_member (
    subject         varchar(255) primary key,
    name            varchar(255) not null,
    last_signed_in  timestamptz  not null
);

-- Audited access outside one's scope, time-limited.
create table break_glass (
    id          bigserial primary key,
    case_id     varchar(64)  not null,
    actor       varchar(255) not null,
    actor_name  varchar(255),
    reason      text         not null,
    granted_at  timestamptz  not null default now(),
    expires_at  timestamptz  not null
);

create index break_glass_actor on break_glass (actor, case_id, expires_at);

-- Every view of personal data and every action. Append-only: see the trigger and the grants below.
create table audit_log (
    id              bigserial primary key,
    at              timestamptz  not null default now(),
    actor           varchar(255) not null,
    actor_name      varchar(255),
    action          varchar(40)  not null,
    case_id         varchar(64),
    outcome         varchar(16)  not null,
    detail          text,
    client_address  varchar(64)
);

create index audit_log_case on audit_log (case_id, at);
create index audit_log_actor on audit_log (actor, at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- case-activity events written in the same transaction as the change they describe, then published
-- by the relay: no change without its event, no event without its change.
create table activity_outbox (
    id            bigserial primary key,
    case_id       varchar(64) not null,
    payload       bytea       not null,
    created_at    timestamptz not null default now(),
    published_at  timestamptz
);

create index activity_outbox_unpublished on activity_outbox (id) where published_at is null;

grant select, insert, update on staff_case, case_timeline, staff_member, break_glass, activity_outbox to ${appRole};
grant select, insert on audit_log to ${appRole};
grant usage on all sequences in schema public to ${appRole};
