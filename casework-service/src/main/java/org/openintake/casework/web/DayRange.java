package org.openintake.casework.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Days from {@code from} to {@code to}, both included, in the clinic's time zone: the range a
 * lead asks for in a report or a download. Built only through {@link #parse}, which refuses
 * anything else with a sentence a person can act on.
 */
public record DayRange(LocalDate from, LocalDate to, ZoneId zone) {

	/** A range that cannot be used, and why (the 400's detail). */
	public static final class Invalid extends RuntimeException {

		Invalid(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * @param covers what the range is for, as the refusal names it: "a report", "one download"
	 */
	public static DayRange parse(String from, String to, ZoneId zone, int maxDays, String covers) {
		LocalDate first = date("start date", from);
		LocalDate last = date("end date", to);
		if (last.isBefore(first)) {
			throw new Invalid("The end date (" + last + ") is before the start date (" + first + ").");
		}
		long days = ChronoUnit.DAYS.between(first, last) + 1;
		if (days > maxDays) {
			throw new Invalid("The range is " + days + " days long; " + covers + " covers at most " + maxDays
					+ " days. Choose a shorter range.");
		}
		return new DayRange(first, last, zone);
	}

	/** The first instant of {@code from}. */
	public Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	/** The first instant after {@code to}. */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	@Override
	public String toString() {
		return this.from + " to " + this.to + " (" + this.zone.getId() + ")";
	}

	private static LocalDate date(String label, String value) {
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
