-- Baseline values of the provincial targets (e.g. 2012 PM10), entered by an official with the document they come
-- from; config/targets.yaml ships none, because the shipped data do not cover the baseline years.
CREATE TABLE target_baseline (
    unit        text             NOT NULL,
    pollutant   text             NOT NULL,
    year        integer          NOT NULL,
    value       double precision NOT NULL CHECK (value > 0),
    source      text             NOT NULL,
    entered_by  text             NOT NULL,
    entered_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (unit, pollutant, year)
);
