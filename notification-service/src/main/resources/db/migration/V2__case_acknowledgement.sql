-- Cases a person acknowledged on the staff side (case-activity ACKNOWLEDGED): an overdue-crisis
-- escalation for such a case that arrives later sends nothing. Ids and times only.
CREATE TABLE case_acknowledgement (
    case_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    acknowledged_at TIMESTAMPTZ,
    recorded_at     TIMESTAMPTZ NOT NULL
);

-- For the retention purge (notification.retention).
CREATE INDEX case_acknowledgement_recorded_at ON case_acknowledgement (recorded_at);
