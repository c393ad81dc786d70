-- Stations and their hourly observations. Times are stored as timestamptz; AirWarn reads and writes them in
-- Beijing time (Asia/Shanghai). Concentrations in μg/m³, CO in mg/m³.
CREATE TABLE station (
    id          bigserial PRIMARY KEY,
    city_code   text        NOT NULL,
    name        text        NOT NULL,
    source      text        NOT NULL,
    demo        boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (city_code, name)
);

CREATE TABLE observation (
    station_id      bigint           NOT NULL REFERENCES station (id),
    observed_at     timestamptz      NOT NULL,
    pm2_5           double precision,
    pm10            double precision,
    so2             double precision,
    no2             double precision,
    co              double precision,
    o3              double precision,
    temperature     double precision,
    dew_point       double precision,
    humidity        double precision,
    pressure        double precision,
    wind_speed      double precision,
    wind_direction  text,
    precipitation   double precision,
    imported_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (station_id, observed_at)
);

-- City hourly report: columns are named after the IAQI items they feed (PM10_24H holds the trailing 24 h mean or
-- the hour's mean, as the standard's hourlyParticulates setting says); pm10_1h and pm2_5_1h are the plain hourly means.
CREATE TABLE city_aqi_hourly (
    city_code             text             NOT NULL,
    observed_at           timestamptz      NOT NULL,
    standard              text             NOT NULL,
    so2_1h                double precision,
    so2_24h               double precision,
    no2_1h                double precision,
    co_1h                 double precision,
    o3_1h                 double precision,
    o3_8h                 double precision,
    pm10_24h              double precision,
    pm2_5_24h             double precision,
    pm10_1h               double precision,
    pm2_5_1h              double precision,
    aqi                   integer,
    category              smallint,
    primary_pollutants    text             NOT NULL DEFAULT '',
    exceeding_pollutants  text             NOT NULL DEFAULT '',
    iaqi                  text             NOT NULL,
    completeness          text             NOT NULL,
    demo                  boolean          NOT NULL,
    PRIMARY KEY (city_code, observed_at)
);

-- City daily report (HJ 633 daily: 24 h means, O3 daily maximum 1 h and maximum 8 h moving average).
CREATE TABLE city_aqi_daily (
    city_code             text             NOT NULL,
    day                   date             NOT NULL,
    standard              text             NOT NULL,
    so2_24h               double precision,
    no2_24h               double precision,
    pm10_24h              double precision,
    co_24h                double precision,
    o3_1h                 double precision,
    o3_8h                 double precision,
    pm2_5_24h             double precision,
    aqi                   integer,
    category              smallint,
    primary_pollutants    text             NOT NULL DEFAULT '',
    exceeding_pollutants  text             NOT NULL DEFAULT '',
    iaqi                  text             NOT NULL,
    completeness          text             NOT NULL,
    demo                  boolean          NOT NULL,
    PRIMARY KEY (city_code, day)
);
