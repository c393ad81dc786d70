-- Forecasts of the full AQI: PM10 and O3-8h beside PM2.5. Whether the model calls a day above 200 and above 300
-- is stored as such (any pollutant's fit may say so), with the forecast primary pollutant and each pollutant's own
-- forecast as JSON text: [{"pollutant", "expectedSubIndex", "pAbove200", "pAbove300", "decisionAbove200",
-- "decisionAbove300", "saysAbove200", "saysAbove300"}]. Earlier runs forecast PM2.5 alone; their rows are filled
-- from the decision rule they were stored with, and the per-day decision columns give way to the JSON.
ALTER TABLE forecast_day ADD COLUMN says_above_200 boolean, ADD COLUMN says_above_300 boolean,
    ADD COLUMN primary_pollutant text, ADD COLUMN sub_indices text;

UPDATE forecast_day SET
    says_above_200 = CASE WHEN decision_200 IS NULL THEN expected_aqi > 200 ELSE p_above_200 >= decision_200 END,
    says_above_300 = CASE WHEN decision_300 IS NULL THEN expected_aqi > 300 ELSE p_above_300 >= decision_300 END,
    primary_pollutant = 'PM2_5';
UPDATE forecast_day SET sub_indices = jsonb_build_array(jsonb_build_object('pollutant', 'PM2_5',
    'expectedSubIndex', expected_aqi, 'pAbove200', p_above_200, 'pAbove300', p_above_300,
    'decisionAbove200', decision_200, 'decisionAbove300', decision_300, 'saysAbove200', says_above_200,
    'saysAbove300', says_above_300))::text;

ALTER TABLE forecast_day ALTER COLUMN says_above_200 SET NOT NULL, ALTER COLUMN says_above_300 SET NOT NULL,
    ALTER COLUMN primary_pollutant SET NOT NULL, ALTER COLUMN sub_indices SET NOT NULL,
    DROP COLUMN decision_200, DROP COLUMN decision_300;
