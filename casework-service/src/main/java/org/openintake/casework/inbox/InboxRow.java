package org.openintake.casework.inbox;

import java.time.Instant;

import org.openintake.casework.caserecord.CaseRecord;

import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;

/** One line of the inbox: just enough to choose which case to open next. */
public record InboxRow(String caseId, String patientName, boolean crisis, RiskLevel riskLevel, Track track,
		CaseStatus status, String assigneeName, Instant submittedAt, boolean acknowledged, boolean triaged,
		ResponseClock clock) {

	/** The id's last eight characters: random in a time-ordered id, where the first ones are the time. */
	public String shortId() {
		return CaseRecord.shortId(this.caseId);
	}

}
