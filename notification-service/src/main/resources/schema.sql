-- What the patient page may learn about a case: its progress, whether it is a crisis case, and the
-- country whose helplines to show. Never answers, free text or contact details.
CREATE TABLE IF NOT EXISTS case_status (
    case_id            VARCHAR(64)              NOT NULL PRIMARY KEY,
    receipt_token_hash VARCHAR(64),
    country            VARCHAR(2),
    locale             VARCHAR(5),
    submitted_at       TIMESTAMP WITH TIME ZONE,
    status             SMALLINT                 NOT NULL,
    crisis             BOOLEAN                  NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per email SMTP accepted, keyed by its deterministic Message-ID, so a redelivered event
-- (restart, rebalance, replay from a dead-letter topic) never mails the same recipient twice.
CREATE TABLE IF NOT EXISTS email_ledger (
    message_id VARCHAR(200)             NOT NULL PRIMARY KEY,
    case_id    VARCHAR(64)              NOT NULL,
    kind       VARCHAR(20)              NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- For the retention purge (notification.retention).
CREATE INDEX IF NOT EXISTS case_status_updated_at ON case_status (updated_at);
CREATE INDEX IF NOT EXISTS email_ledger_sent_at ON email_ledger (sent_at);
