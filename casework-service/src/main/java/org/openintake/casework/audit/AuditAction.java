package org.openintake.casework.audit;

/**
 * What an audit line records. Stored by name in {@code audit_log.action} (varchar(40), no check
 * constraint), so a new one needs no migration.
 */
public enum AuditAction {
	VIEW_INBOX, VIEW_CASE, VIEW_AUDIT_LOG, BREAK_GLASS, ACKNOWLEDGE, CLAIM, ASSIGN, RELEASE, STATUS_CHANGE,
	TRACK_CHANGE, NOTE,
	/** one case exported as a FHIR Bundle */
	FHIR_EXPORT,
	/** the FHIR Bundles of a date range downloaded as ndjson (one line, with the range and the count) */
	FHIR_EXPORT_RANGE,
	/** the waiting-time report page, with its range (counts and durations only: no case, no patient) */
	VIEW_REPORTS,
	/** the report as CSV, with its range */
	DOWNLOAD_REPORT
}
