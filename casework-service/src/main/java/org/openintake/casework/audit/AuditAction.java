package org.openintake.casework.audit;

/** What an audit line records. */
public enum AuditAction {
	VIEW_INBOX, VIEW_CASE, VIEW_AUDIT_LOG, BREAK_GLASS, ACKNOWLEDGE, CLAIM, ASSIGN, RELEASE, STATUS_CHANGE,
	TRACK_CHANGE, NOTE
}
