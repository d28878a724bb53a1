package org.openintake.casework.inbox;

import java.time.Instant;

import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;

/** One line of the inbox: just enough to choose which case to open next. */
public record InboxRow(String caseId, String patientName, boolean crisis, RiskLevel riskLevel, Track track,
		CaseStatus status, String assigneeName, Instant submittedAt, boolean acknowledged, boolean triaged,
		ResponseClock clock) {

	public String shortId() {
		return this.caseId.length() > 8 ? this.caseId.substring(0, 8) : this.caseId;
	}

}
