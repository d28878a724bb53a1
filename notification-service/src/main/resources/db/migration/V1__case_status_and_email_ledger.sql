-- What the patient page may learn about a case: its progress, whether it is a crisis case, and the
-- country whose helplines to show. Never answers, free text or contact details.
CREATE TABLE case_status (
    case_id            VARCHAR(64) NOT NULL PRIMARY KEY,
    receipt_token_hash VARCHAR(64),
    country            VARCHAR(2),
    locale             VARCHAR(5),
    submitted_at       TIMESTAMPTZ,
    -- CaseStatus ordinal: RECEIVED 0, TRIAGED 1, NOTIFIED 2; only ever moves forward
    status             SMALLINT    NOT NULL,
    crisis             BOOLEAN     NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);

-- One row per email SMTP accepted, keyed by its deterministic Message-ID, so a redelivered event
-- (restart, rebalance, replay from a dead-letter topic) never mails the same recipient twice.
CREATE TABLE email_ledger (
    message_id VARCHAR(200) NOT NULL PRIMARY KEY,
    case_id    VARCHAR(64)  NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    sent_at    TIMESTAMPTZ  NOT NULL
);

-- For the retention purge (notification.retention).
CREATE INDEX case_status_updated_at ON case_status (updated_at);
CREATE INDEX email_ledger_sent_at ON email_ledger (sent_at);
