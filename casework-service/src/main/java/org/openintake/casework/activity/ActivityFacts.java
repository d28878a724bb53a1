package org.openintake.casework.activity;

import java.time.Instant;

import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;

/** The case's codes that go into a {@code case-activity} event: never a name, a reason or a note. */
public record ActivityFacts(RiskLevel riskLevel, boolean crisis, Track track, CaseStatus status,
		CaseStatus previousStatus, Track previousTrack, String assignee, int escalationStep,
		Instant acknowledgementDueAt) {

	public static ActivityFacts of(RiskLevel riskLevel, boolean crisis, Track track, CaseStatus status) {
		return new ActivityFacts(riskLevel, crisis, track, status, null, null, null, 0, null);
	}

	public ActivityFacts withPrevious(CaseStatus previous, Track previousTrack) {
		return new ActivityFacts(this.riskLevel, this.crisis, this.track, this.status, previous, previousTrack,
				this.assignee, this.escalationStep, this.acknowledgementDueAt);
	}

	public ActivityFacts withAssignee(String assignee) {
		return new ActivityFacts(this.riskLevel, this.crisis, this.track, this.status, this.previousStatus,
				this.previousTrack, assignee, this.escalationStep, this.acknowledgementDueAt);
	}

	public ActivityFacts withEscalation(int step, Instant dueAt) {
		return new ActivityFacts(this.riskLevel, this.crisis, this.track, this.status, this.previousStatus,
				this.previousTrack, this.assignee, step, dueAt);
	}

}
