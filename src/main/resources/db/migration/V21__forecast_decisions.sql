-- The issue hour a run forecast from (24: the whole origin day), and per day the probabilities at which the model
-- says "above 200" and "above 300" (fitted on its training days); null for runs stored before models had them.
ALTER TABLE forecast_run ADD COLUMN issue_hour smallint NOT NULL DEFAULT 24 CHECK (issue_hour BETWEEN 1 AND 24);
ALTER TABLE forecast_day ADD COLUMN decision_200 double precision, ADD COLUMN decision_300 double precision;

-- A weather forecast may give the day's lowest and highest temperature: their range is the model's inversion proxy.
ALTER TABLE met_forecast ADD COLUMN temperature_min double precision, ADD COLUMN temperature_max double precision;
