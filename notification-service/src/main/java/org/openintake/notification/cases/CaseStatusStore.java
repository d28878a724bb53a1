package org.openintake.notification.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The progress of each case. Events from three topics arrive in any order, so every write merges:
 * the status only moves forward, the crisis flag only turns on, and known fields are never blanked.
 */
@Repository
public class CaseStatusStore {

	// One statement, one round trip: PostgreSQL's upsert merges under the row lock, so two
	// instances writing the same case concurrently cannot lose either's update.
	private static final String MERGE = """
			INSERT INTO case_status AS c
			    (case_id, receipt_token_hash, country, locale, submitted_at, status, crisis, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (case_id) DO UPDATE SET
			    receipt_token_hash = COALESCE(c.receipt_token_hash, EXCLUDED.receipt_token_hash),
			    country = COALESCE(c.country, EXCLUDED.country),
			    locale = COALESCE(c.locale, EXCLUDED.locale),
			    submitted_at = COALESCE(c.submitted_at, EXCLUDED.submitted_at),
			    status = GREATEST(c.status, EXCLUDED.status),
			    crisis = c.crisis OR EXCLUDED.crisis,
			    updated_at = EXCLUDED.updated_at
			""";

	private static final Pattern HEX_HASH = Pattern.compile("[0-9a-fA-F]{64}");

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	private static final Pattern LOCALE = Pattern.compile("[a-z]{2}");

	private final JdbcClient jdbc;

	CaseStatusStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** intake-service accepted the case: remember how the patient can prove it is theirs. */
	public void received(String caseId, String receiptTokenHash, String country, String locale, Instant submittedAt) {
		merge(caseId, receiptTokenHash, country, locale, submittedAt, CaseStatus.RECEIVED, false);
	}

	/** Triage decided; the contact block repeats what intake knew, in case that event comes later. */
	public void triaged(String caseId, boolean crisis, String receiptTokenHash, String country, String locale,
			Instant submittedAt) {
		merge(caseId, receiptTokenHash, country, locale, submittedAt, CaseStatus.TRIAGED, crisis);
	}

	/**
	 * SMTP accepted the staff email. Carries what {@link #triaged} would have written, so that the
	 * usual path (triaged and mailed at once) costs one statement instead of two.
	 */
	public void notified(String caseId, boolean crisis, String receiptTokenHash, String country, String locale,
			Instant submittedAt) {
		merge(caseId, receiptTokenHash, country, locale, submittedAt, CaseStatus.NOTIFIED, crisis);
	}

	Optional<CaseRecord> find(String caseId) {
		return this.jdbc
			.sql("SELECT case_id, receipt_token_hash, country, locale, status, crisis FROM case_status WHERE case_id = ?")
			.param(caseId)
			.query((rs, row) -> new CaseRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					CaseStatus.values()[rs.getInt(5)], rs.getBoolean(6)))
			.optional();
	}

	private void merge(String caseId, String receiptTokenHash, String country, String locale, Instant submittedAt,
			CaseStatus status, boolean crisis) {
		// A malformed value from an event is dropped rather than failing the whole case.
		this.jdbc.sql(MERGE)
			.params(caseId, valid(receiptTokenHash, HEX_HASH), valid(country, COUNTRY), valid(locale, LOCALE),
					timestamp(submittedAt), (short) status.ordinal(), crisis, Timestamp.from(Instant.now()))
			.update();
	}

	private static String valid(String value, Pattern pattern) {
		return (value != null && pattern.matcher(value).matches()) ? value : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
