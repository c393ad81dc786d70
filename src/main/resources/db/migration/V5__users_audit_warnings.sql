-- People who use AirWarn, with bcrypt password hashes and their roles.
CREATE TABLE app_user (
    username       text        PRIMARY KEY,
    password_hash  text        NOT NULL,
    roles          text[]      NOT NULL,
    display_name   text        NOT NULL,
    demo           boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Append-only, hash-chained audit trail: each record's hash covers its content and the previous record's hash.
CREATE TABLE audit_log (
    seq        bigint      PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL,
    entity     text        NOT NULL,
    entity_id  text        NOT NULL,
    before     text,
    after      text,
    reason     text,
    prev_hash  text        NOT NULL,
    hash       text        NOT NULL
);

-- Warnings and their history. A proposal comes from the forecast; a warning is drafted, submitted, approved
-- (issued), changed through the same approval, and lifted.
CREATE TABLE warning_proposal (
    id            bigserial   PRIMARY KEY,
    city_code     text,
    regional      boolean     NOT NULL DEFAULT false,
    units         text[]      NOT NULL DEFAULT '{}',
    level         text        NOT NULL,
    onset         date,
    days          integer     NOT NULL,
    reason        text        NOT NULL,
    evidence      text        NOT NULL,
    forecast_run  bigint,
    status        text        NOT NULL DEFAULT 'OPEN',
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX warning_proposal_once ON warning_proposal (coalesce(city_code, 'REGION'), level, onset, forecast_run);

CREATE TABLE warning (
    id               bigserial   PRIMARY KEY,
    city_code        text        NOT NULL,
    state            text        NOT NULL,
    level            text        NOT NULL,
    issued_level     text        NOT NULL DEFAULT 'NONE',
    pending_level    text,
    onset            timestamptz NOT NULL,
    expected_end     timestamptz NOT NULL,
    exercise         boolean     NOT NULL,
    widen_exercise   boolean     NOT NULL DEFAULT false,
    observed_heavy   boolean     NOT NULL DEFAULT false,
    proposal_id      bigint      REFERENCES warning_proposal (id),
    drafted_by       text        NOT NULL,
    submitted_by     text,
    approved_by      text,
    issued_at        timestamptz,
    lifted_at        timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    version          integer     NOT NULL DEFAULT 0
);

CREATE TABLE warning_event (
    id             bigserial   PRIMARY KEY,
    warning_id     bigint      NOT NULL REFERENCES warning (id),
    at             timestamptz NOT NULL DEFAULT now(),
    actor          text        NOT NULL,
    action         text        NOT NULL,
    from_state     text        NOT NULL,
    to_state       text        NOT NULL,
    level          text        NOT NULL,
    note           text,
    activation_id  bigint      REFERENCES activation (id)
);
CREATE INDEX warning_event_warning ON warning_event (warning_id, id);
