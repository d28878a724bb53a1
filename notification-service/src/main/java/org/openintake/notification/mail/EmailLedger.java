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
 * and the lock that makes the same event handed to two consumers at once harmless too.
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
	 * Waits for, then holds until the caller's transaction ends, the lock on one Message-ID. Kafka
	 * can hand a record to two consumers at once (one evicted from its group still works through
	 * the batch it fetched while its successor reads the same records); without the lock both find
	 * no ledger entry and both send. A transaction-scoped advisory lock is released by the
	 * server when the transaction ends or its connection drops, so a crashed sender holds no one
	 * up. Taken in its own statement: in READ COMMITTED the check that follows then sees what the
	 * previous holder committed.
	 */
	void lock(String messageId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param(messageId)
			.query((row, number) -> true)
			.single();
	}

	boolean alreadySent(String messageId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM email_ledger WHERE message_id = ?)")
			.param(messageId)
			.query(Boolean.class)
			.single();
	}

	/** One attempt, in the caller's transaction, to write that SMTP accepted the email. */
	void record(String messageId, String caseId, EmailKind kind) {
		insert(messageId, caseId, kind);
	}

	/**
	 * For when SMTP accepted the email but {@link #record} failed with its transaction (the
	 * database went away): failing here too would let the retried record mail the recipient again,
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

	private void insert(String messageId, String caseId, EmailKind kind) {
		// Another consumer thread or instance may have recorded the same email first: the ledger then
		// already says what we'd write, and the conflict is no error (nor an aborted transaction).
		this.jdbc
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
