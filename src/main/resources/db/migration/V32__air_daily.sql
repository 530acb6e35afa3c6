-- Issue 15, air quality (module environment): the daily concentrations of each county, special district or station
-- (station '' = the region's own daily value). A day's region value is its own row, or the mean of its stations'.
-- Concentrations in μg/m³, CO in mg/m³; NULL = not measured or invalid that day. A later upload of the same day,
-- region and station replaces the row (a correction), recorded in the audit trail.
CREATE TABLE air_daily (
    observed_on  DATE          NOT NULL,
    region_code  VARCHAR(12)   NOT NULL,
    station      VARCHAR(60)   NOT NULL DEFAULT '',
    so2          DECIMAL(10, 3),
    no2          DECIMAL(10, 3),
    pm10         DECIMAL(10, 3),
    co           DECIMAL(10, 3),
    o3_8h        DECIMAL(10, 3),
    pm25         DECIMAL(10, 3),
    o3_1h        DECIMAL(10, 3),
    uploaded_by  VARCHAR(50)   NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT air_daily_pk PRIMARY KEY (region_code, observed_on, station)
);
CREATE INDEX air_daily_day_idx ON air_daily (observed_on);
