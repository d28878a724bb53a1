package org.openintake.casework.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers, {@code from} and {@code to} both included, in the clinic's time zone;
 * cases count by the day they were submitted. Built only through {@link #parse}, which refuses
 * anything else with a sentence a person can act on.
 */
public record ReportRange(LocalDate from, LocalDate to, ZoneId zone) {

	/** A range that cannot be used, and why (shown on the 400 page). */
	static final class Invalid extends RuntimeException {

		Invalid(String message) {
			super(message, null, false, false);
		}

	}

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
		LocalDate first = date("from", from);
		LocalDate last = date("to", to);
		if (last.isBefore(first)) {
			throw new Invalid("The end date (" + last + ") is before the start date (" + first + ").");
		}
		long days = ChronoUnit.DAYS.between(first, last) + 1;
		if (days > maxDays) {
			throw new Invalid("The range is " + days + " days long; a report covers at most " + maxDays
					+ " days. Choose a shorter range.");
		}
		return new ReportRange(first, last, zone);
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

	private static LocalDate date(String name, String value) {
		String label = name.equals("from") ? "start date" : "end date";
		if (value == null || value.isBlank()) {
			throw new Invalid("The " + label + " is missing: give both dates, like 2026-11-01.");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Invalid("The " + label + " must be a date like 2026-11-01.");
		}
	}

}
