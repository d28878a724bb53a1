package org.openintake.casework.reports;

import java.time.LocalDate;

/**
 * The figures of one group of cases: one track in one ISO week of submission, or all tracks
 * ({@code track} null), or all weeks of the range ({@code week} null). Times are seconds from
 * submission; null where no case in the group has one.
 *
 * <p>Each target sorts a case into one of three counts: {@code within} (reached in at most the
 * target), {@code late} (reached after it, or still waiting and already past it), {@code pending}
 * (still waiting, not yet past it). A share within target is {@code within / (within + late)}: a
 * case still waiting inside its target has not yet passed or failed. Cases that ended without
 * reaching the step (declined or referred elsewhere first) are in none of the three.
 */
public record Figures(String track, LocalDate week, long referrals,
		long contacted, Double contactMedian, Double contactP90, long contactWithin, long contactLate, long contactPending,
		long booked, Double bookingMedian, Double bookingP90, long bookingWithin, long bookingLate, long bookingPending,
		long crisis, long acknowledged, Double acknowledgementMedian, Double acknowledgementWorst, long escalated,
		long declined, long referredElsewhere, long open) {

	static Figures none(String track, LocalDate week) {
		return new Figures(track, week, 0, 0, null, null, 0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, null, null, 0, 0, 0, 0);
	}

	/** The share of decided cases contacted within the target, 0–1; null when none is decided yet. */
	public Double contactWithinShare() {
		return share(this.contactWithin, this.contactLate);
	}

	public Double bookingWithinShare() {
		return share(this.bookingWithin, this.bookingLate);
	}

	/** Crisis cases nobody has acknowledged yet. */
	public long unacknowledged() {
		return this.crisis - this.acknowledged;
	}

	private static Double share(long within, long late) {
		return within + late == 0 ? null : (double) within / (within + late);
	}

}
