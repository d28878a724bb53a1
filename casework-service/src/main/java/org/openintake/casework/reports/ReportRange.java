package org.openintake.casework.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.openintake.casework.web.DayRange;

/**
 * The days a report covers, {@code from} and {@code to} both included, in the clinic's time zone;
 * cases count by the day they were submitted. Built only through {@link #parse}, which refuses
 * anything else as {@link DayRange} does.
 */
public record ReportRange(LocalDate from, LocalDate to, ZoneId zone) {

	/**
	 * The range asked for, or when neither date is given the last {@code defaultWeeks} ISO weeks
	 * up to today (the current, unfinished week included).
	 */
	static ReportRange parse(String from, String to, LocalDate today, ZoneId zone, int defaultWeeks, int maxDays) {
		boolean noFrom = from == null || from.isBlank();
		boolean noTo = to == null || to.isBlank();
		if (noFrom && noTo) {
			LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			return new ReportRange(monday.minusWeeks(defaultWeeks - 1L), today, zone);
		}
		DayRange days = DayRange.parse(from, to, zone, maxDays, "a report");
		return new ReportRange(days.from(), days.to(), zone);
	}

	/** The first instant of {@code from}. */
	Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	/** The first instant after {@code to}. */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	/** The Monday of each ISO week the range touches, in order. */
	List<LocalDate> weeks() {
		List<LocalDate> weeks = new ArrayList<>();
		for (LocalDate monday = this.from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				!monday.isAfter(this.to); monday = monday.plusWeeks(1)) {
			weeks.add(monday);
		}
		return weeks;
	}

	@Override
	public String toString() {
		return this.from + " to " + this.to + " (" + this.zone.getId() + ")";
	}

}
