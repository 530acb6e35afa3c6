-- Public holidays (放假, OFF) and adjusted working days (调休上班, WORK) (module calendar).
CREATE TABLE calendar_day (
    calendar_date DATE       NOT NULL PRIMARY KEY,
    kind         VARCHAR(10) NOT NULL,
    holiday      VARCHAR(40) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
