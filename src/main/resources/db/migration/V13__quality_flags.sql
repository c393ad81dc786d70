-- Station hours the data-quality rules flagged, by pollutant and rule. A flagged or confirmed value is left out of
-- every aggregate; an officer may confirm the flag or overrule it (the value then counts again).
CREATE TABLE quality_flag (
    station_id   bigint      NOT NULL REFERENCES station (id),
    observed_at  timestamptz NOT NULL,
    pollutant    text        NOT NULL,
    reason       text        NOT NULL,
    detail       text        NOT NULL,
    status       text        NOT NULL DEFAULT 'FLAGGED',
    decided_by   text,
    decided_at   timestamptz,
    note         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (station_id, observed_at, pollutant, reason)
);
CREATE INDEX quality_flag_excluded ON quality_flag (station_id, observed_at) WHERE status <> 'OVERRULED';
