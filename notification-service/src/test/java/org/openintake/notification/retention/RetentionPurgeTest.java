package org.openintake.notification.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openintake.notification.NotificationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Old case statuses, ledger rows and acknowledgements go; recent ones stay. */
class RetentionPurgeTest extends NotificationTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RetentionPurge purge;

	@Test
	void removesOnlyWhatIsOlderThanTheRetention() {
		String oldCase = UUID.randomUUID().toString();
		String recentCase = UUID.randomUUID().toString();
		insertCase(oldCase, Instant.now().minus(Duration.ofDays(31)));
		insertCase(recentCase, Instant.now().minus(Duration.ofDays(29)));
		insertLedger(oldCase, Instant.now().minus(Duration.ofDays(31)));
		insertLedger(recentCase, Instant.now().minus(Duration.ofDays(29)));
		insertAcknowledgement(oldCase, Instant.now().minus(Duration.ofDays(31)));
		insertAcknowledgement(recentCase, Instant.now().minus(Duration.ofDays(29)));

		this.purge.purge();

		assertThat(count("case_status", oldCase)).isZero();
		assertThat(count("email_ledger", oldCase)).isZero();
		assertThat(count("case_status", recentCase)).isOne();
		assertThat(count("email_ledger", recentCase)).isOne();
		assertThat(count("case_acknowledgement", oldCase)).isZero();
		assertThat(count("case_acknowledgement", recentCase)).isOne();
	}

	private void insertAcknowledgement(String caseId, Instant recordedAt) {
		this.jdbc.sql("INSERT INTO case_acknowledgement (case_id, acknowledged_at, recorded_at) VALUES (?, ?, ?)")
			.params(caseId, Timestamp.from(recordedAt), Timestamp.from(recordedAt))
			.update();
	}

	private void insertCase(String caseId, Instant updatedAt) {
		this.jdbc.sql("INSERT INTO case_status (case_id, status, crisis, updated_at) VALUES (?, 0, FALSE, ?)")
			.params(caseId, Timestamp.from(updatedAt))
			.update();
	}

	private void insertLedger(String caseId, Instant sentAt) {
		this.jdbc.sql("INSERT INTO email_ledger (message_id, case_id, kind, sent_at) VALUES (?, ?, 'STAFF_ROUTINE', ?)")
			.params("<" + caseId + ".staff_routine.x@openintake>", caseId, Timestamp.from(sentAt))
			.update();
	}

	private long count(String table, String caseId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE case_id = ?").param(caseId).query(Long.class).single();
	}

}
