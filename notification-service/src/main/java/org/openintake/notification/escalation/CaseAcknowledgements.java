package org.openintake.notification.escalation;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which cases someone on the staff side has acknowledged: their overdue escalations stop. */
@Repository
class CaseAcknowledgements {

	private final JdbcClient jdbc;

	CaseAcknowledgements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Idempotent: a redelivered acknowledgement keeps the first one's time. */
	void record(String caseId, Instant acknowledgedAt) {
		this.jdbc
			.sql("INSERT INTO case_acknowledgement (case_id, acknowledged_at, recorded_at) VALUES (?, ?, ?)"
					+ " ON CONFLICT (case_id) DO NOTHING")
			.params(caseId, (acknowledgedAt != null) ? Timestamp.from(acknowledgedAt) : null,
					Timestamp.from(Instant.now()))
			.update();
	}

	boolean isAcknowledged(String caseId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM case_acknowledgement WHERE case_id = ?)")
			.param(caseId)
			.query(Boolean.class)
			.single();
	}

}
