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

	private static final String MERGE = """
			MERGE INTO case_status c
			USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(2)),
			               CAST(? AS VARCHAR(5)), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS SMALLINT),
			               CAST(? AS BOOLEAN), CAST(? AS TIMESTAMP WITH TIME ZONE)))
			      AS s(case_id, receipt_token_hash, country, locale, submitted_at, status, crisis, updated_at)
			ON c.case_id = s.case_id
			WHEN MATCHED THEN UPDATE SET
			    receipt_token_hash = COALESCE(c.receipt_token_hash, s.receipt_token_hash),
			    country = COALESCE(c.country, s.country),
			    locale = COALESCE(c.locale, s.locale),
			    submitted_at = COALESCE(c.submitted_at, s.submitted_at),
			    status = GREATEST(c.status, s.status),
			    crisis = c.crisis OR s.crisis,
			    updated_at = s.updated_at
			WHEN NOT MATCHED THEN INSERT
			    (case_id, receipt_token_hash, country, locale, submitted_at, status, crisis, updated_at)
			    VALUES (s.case_id, s.receipt_token_hash, s.country, s.locale, s.submitted_at, s.status,
			            s.crisis, s.updated_at)
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

	/** SMTP accepted the staff email. */
	public void notified(String caseId, boolean crisis) {
		merge(caseId, null, null, null, null, CaseStatus.NOTIFIED, crisis);
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
					timestamp(submittedAt), status.ordinal(), crisis, Timestamp.from(Instant.now()))
			.update();
	}

	private static String valid(String value, Pattern pattern) {
		return (value != null && pattern.matcher(value).matches()) ? value : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
