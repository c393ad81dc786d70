-- Meteorological forecasts per city and day (the latest received wins). Units as for observations.
CREATE TABLE met_forecast (
    city_code       text             NOT NULL,
    day             date             NOT NULL,
    temperature     double precision,
    dew_point       double precision,
    humidity        double precision,
    pressure        double precision,
    wind_speed      double precision,
    wind_direction  text,
    precipitation   double precision,
    received_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (city_code, day)
);

-- One forecast run per city and issue time: a second run for the same issue time (another node, a repeated
-- request) finds the row and stores nothing.
CREATE TABLE forecast_run (
    id              bigserial        PRIMARY KEY,
    city_code       text             NOT NULL,
    issued_at       timestamptz      NOT NULL,
    data_through    date             NOT NULL,
    model_id        text             NOT NULL,
    model_label     text             NOT NULL,
    model_version   text             NOT NULL,
    trigger         text             NOT NULL,
    demo            boolean          NOT NULL,
    created_at      timestamptz      NOT NULL DEFAULT now(),
    UNIQUE (city_code, issued_at)
);

CREATE TABLE forecast_day (
    run_id          bigint           NOT NULL REFERENCES forecast_run (id),
    lead            smallint         NOT NULL,
    target_day      date             NOT NULL,
    meteorology     text             NOT NULL,
    expected_aqi    double precision NOT NULL,
    low_aqi         integer          NOT NULL,
    high_aqi        integer          NOT NULL,
    p_above_200     double precision NOT NULL,
    p_above_300     double precision NOT NULL,
    p_at_least_500  double precision NOT NULL,
    PRIMARY KEY (run_id, lead)
);
CREATE INDEX forecast_run_city_issued ON forecast_run (city_code, issued_at DESC);
CREATE INDEX forecast_day_target ON forecast_day (target_day);
