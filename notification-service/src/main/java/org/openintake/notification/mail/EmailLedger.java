package org.openintake.notification.mail;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Message-IDs of the emails SMTP has accepted: the memory that makes a redelivered event harmless. */
@Repository
class EmailLedger {

	private final JdbcClient jdbc;

	EmailLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean alreadySent(String messageId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM email_ledger WHERE message_id = ?")
			.param(messageId)
			.query(Integer.class)
			.single() > 0;
	}

	void recordSent(String messageId, String caseId, EmailKind kind) {
		try {
			this.jdbc.sql("INSERT INTO email_ledger (message_id, case_id, kind, sent_at) VALUES (?, ?, ?, ?)")
				.params(messageId, caseId, kind.name(), Timestamp.from(Instant.now()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another consumer thread recorded the same email first: the ledger already says what we'd write.
		}
	}

}
