package org.openintake.casework.inbox;

import java.time.Duration;
import java.time.Instant;

import org.openintake.casework.CaseworkProperties;
import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.RiskLevel;

/**
 * How long a case has waited for first contact against its response target: IMMINENT call now,
 * HIGH the same day, MODERATE within 24 hours, a routine case the clinic's first-contact target.
 *
 * @param target the label staff read ("call now", "same day", ...)
 * @param waited since submission, while the case is NEW
 * @param state where the wait stands against the target
 */
public record ResponseClock(String target, Duration waited, State state) {

	public enum State {
		/** within the target */
		ON_TIME,
		/** past three quarters of the target */
		DUE_SOON,
		/** past the target */
		OVERDUE,
		/** first contact made: the clock has stopped */
		CONTACTED
	}

	public static ResponseClock of(boolean crisis, RiskLevel risk, Instant submittedAt, CaseStatus status,
			Instant now, CaseworkProperties.ResponseTargets targets) {
		Duration target = targets.forCase(crisis, risk);
		String label = !crisis ? "first contact within " + human(target)
				: risk == RiskLevel.IMMINENT ? "call now" : risk == RiskLevel.HIGH ? "same day" : "within " + human(target);
		Duration waited = submittedAt == null ? Duration.ZERO : Duration.between(submittedAt, now);
		if (waited.isNegative()) {
			waited = Duration.ZERO;
		}
		State state;
		if (status != CaseStatus.NEW) {
			state = State.CONTACTED;
		}
		else if (waited.compareTo(target) >= 0) {
			state = State.OVERDUE;
		}
		else if (waited.multipliedBy(4).compareTo(target.multipliedBy(3)) >= 0) {
			state = State.DUE_SOON;
		}
		else {
			state = State.ON_TIME;
		}
		return new ResponseClock(label, waited, state);
	}

	public String waitedText() {
		return human(this.waited);
	}

	/** "3 d 4 h", "2 h 05 min", "7 min": short enough for a phone screen. */
	static String human(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = duration.toHours();
		if (hours < 24) {
			return hours + " h " + String.format("%02d", minutes % 60) + " min";
		}
		long days = duration.toDays();
		return days + " d" + (hours % 24 == 0 ? "" : " " + (hours % 24) + " h");
	}

}
