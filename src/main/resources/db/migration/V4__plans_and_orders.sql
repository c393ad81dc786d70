-- Every plan version the service has loaded, identified by the checksum of its files.
CREATE TABLE plan_version (
    id          bigserial   PRIMARY KEY,
    unit        text        NOT NULL,
    version     text        NOT NULL,
    checksum    text        NOT NULL,
    sample      boolean     NOT NULL,
    loaded_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (unit, checksum)
);

-- One activation per unit, level change, response start and exercise flag: repeating it stores nothing new.
CREATE TABLE activation (
    id               bigserial   PRIMARY KEY,
    unit             text        NOT NULL,
    plan_version_id  bigint      NOT NULL REFERENCES plan_version (id),
    level            text        NOT NULL,
    previous_level   text        NOT NULL,
    response_start   timestamptz NOT NULL,
    exercise         boolean     NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (unit, level, previous_level, response_start, exercise)
);

-- Orders, notices, relaxations and all-clears. An order is OPEN until the recipient gets a newer message of the
-- same unit (SUPERSEDED); all-clears are CLOSED when written.
CREATE TABLE plan_order (
    id              bigserial        PRIMARY KEY,
    activation_id   bigint           NOT NULL REFERENCES activation (id),
    unit            text             NOT NULL,
    recipient_type  text             NOT NULL,
    recipient_id    text             NOT NULL,
    recipient_name  text             NOT NULL,
    mobile          text,
    kind            text             NOT NULL,
    level           text             NOT NULL,
    text            text             NOT NULL,
    deadline        timestamptz      NOT NULL,
    so2_cut         double precision NOT NULL,
    nox_cut         double precision NOT NULL,
    pm_cut          double precision NOT NULL,
    vocs_cut        double precision NOT NULL,
    exercise        boolean          NOT NULL,
    status          text             NOT NULL
);
CREATE INDEX plan_order_activation ON plan_order (activation_id, recipient_type);
CREATE INDEX plan_order_open ON plan_order (unit, exercise, recipient_id) WHERE status = 'OPEN';
