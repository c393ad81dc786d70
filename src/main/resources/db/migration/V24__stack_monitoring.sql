-- Curtailment compliance from the enterprises' stack monitors (HJ 212-2017). The devices themselves are registered
-- in the plans (enterprises.csv, device_mn); their passwords are kept apart, never here in plain text.

-- What each registered device last did: when its last frame came, how many of its frames were refused.
CREATE TABLE stack_device_status (
    mn             text        PRIMARY KEY,
    last_frame_at  timestamptz,
    frames         bigint      NOT NULL DEFAULT 0,
    refused        bigint      NOT NULL DEFAULT 0,
    last_refusal   text
);

-- Frames from devices no plan names: listed for the duty officer.
CREATE TABLE stack_unknown_device (
    mn          text        PRIMARY KEY,
    remote      text        NOT NULL,
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    frames      bigint      NOT NULL DEFAULT 1
);

-- Hourly values per stack (device MN) and pollutant code (a21026 SO2, a21002 NOx, a34013 dust, a00000 flow...):
-- the hour starts at "hour"; flag is the standard's data flag (N normal; F, M, S, D, C, T, B are not evidence).
CREATE TABLE stack_hour (
    mn           text             NOT NULL,
    pollutant    text             NOT NULL,
    hour         timestamptz      NOT NULL,
    avg          double precision,
    zs_avg       double precision,
    cou          double precision,
    flag         text             NOT NULL,
    received_at  timestamptz      NOT NULL,
    PRIMARY KEY (mn, pollutant, hour)
);

-- Minute values, kept for AIRWARN_HJ212_MINUTE_DAYS.
CREATE TABLE stack_minute (
    mn           text             NOT NULL,
    pollutant    text             NOT NULL,
    minute       timestamptz      NOT NULL,
    avg          double precision,
    flag         text             NOT NULL,
    received_at  timestamptz      NOT NULL,
    PRIMARY KEY (mn, pollutant, minute)
);
CREATE INDEX stack_minute_received ON stack_minute (received_at);

-- An enterprise found short of its cut during a warning: one finding (and one enforcement task for its
-- supervising unit, a plan order) per enterprise and warning, closed by a duty officer with a note.
CREATE TABLE compliance_finding (
    warning_id     bigint      NOT NULL REFERENCES warning (id),
    unit           text        NOT NULL,
    enterprise_id  text        NOT NULL,
    found_at       timestamptz NOT NULL,
    detail         text        NOT NULL,
    task_order_id  bigint      REFERENCES plan_order (id),
    closed_at      timestamptz,
    closed_by      text,
    note           text,
    PRIMARY KEY (warning_id, enterprise_id)
);
