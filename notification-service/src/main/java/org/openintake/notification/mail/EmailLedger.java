package org.openintake.notification.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Message-IDs of the emails SMTP has accepted: the memory that makes a redelivered event harmless,
 * and, through an uncommitted row, the claim that makes the same event handed to two consumers at
 * once harmless too.
 */
@Repository
class EmailLedger {

	private static final Logger log = LoggerFactory.getLogger(EmailLedger.class);

	/**
	 * How long {@link #recordSent} keeps trying while the database is away (a restart, a fail-over):
	 * well inside Kafka's max.poll.interval.ms of 5 minutes, so the consumer keeps its partitions.
	 */
	private static final Duration RECORD_PATIENCE = Duration.ofSeconds(90);

	private static final Duration RECORD_PAUSE = Duration.ofMillis(500);

	private final JdbcClient jdbc;

	EmailLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the email for the caller's transaction: writes its row, uncommitted, unless there is
	 * one. Kafka can hand a record to two consumers at once (one evicted from its group still works
	 * through the batch it fetched while its successor reads the same records). The second
	 * consumer's insert then waits on the first one's row: if that transaction commits (SMTP took
	 * the email) it finds the conflict and sends nothing; if it rolls back (SMTP refused, or the
	 * sender died and its connection with it) the row is gone and the second one sends. One
	 * statement where a lock, a check and a write would be three.
	 * @return false when the email's row is there, committed: SMTP took it before
	 */
	boolean claim(String messageId, String caseId, EmailKind kind) {
		return insert(messageId, caseId, kind) == 1;
	}

	boolean alreadySent(String messageId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM email_ledger WHERE message_id = ?)")
			.param(messageId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * For when SMTP accepted the email but the transaction of its {@link #claim} failed to commit
	 * (the database went away): failing here too would let the retried record mail the recipient again,
	 * so the write is retried on new connections (it is idempotent) until the database answers or
	 * {@link #RECORD_PATIENCE} is spent.
	 */
	void recordSent(String messageId, String caseId, EmailKind kind) {
		Instant giveUp = Instant.now().plus(RECORD_PATIENCE);
		for (int attempt = 1;; attempt++) {
			try {
				insert(messageId, caseId, kind);
				if (attempt > 1) {
					log.info("Ledger entry for a {} email of case {} recorded on attempt {}", kind.tag(), caseId, attempt);
				}
				return;
			}
			catch (DataAccessException ex) {
				if (Instant.now().isAfter(giveUp)) {
					log.error("SMTP accepted a {} email for case {} but the ledger could not record it ({});"
							+ " a redelivery may send it again", kind.tag(), caseId, ex.getClass().getSimpleName());
					throw ex;
				}
				if (attempt == 1) {
					log.warn("Ledger unavailable after SMTP accepted a {} email for case {} ({}); retrying",
							kind.tag(), caseId, ex.getClass().getSimpleName());
				}
				pause();
			}
		}
	}

	private int insert(String messageId, String caseId, EmailKind kind) {
		// Another consumer thread or instance may have recorded the same email first: the ledger then
		// already says what we'd write, and the conflict is no error (nor an aborted transaction).
		return this.jdbc
			.sql("INSERT INTO email_ledger (message_id, case_id, kind, sent_at) VALUES (?, ?, ?, ?)"
					+ " ON CONFLICT (message_id) DO NOTHING")
			.params(messageId, caseId, kind.name(), Timestamp.from(Instant.now()))
			.update();
	}

	private static void pause() {
		try {
			Thread.sleep(RECORD_PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the ledger was unavailable", ex);
		}
	}

}
