package org.openintake.casework.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days of a download, {@code from} and {@code to} both included, in the clinic's time zone.
 * Built only through {@link #parse}, which refuses anything else with a sentence a person can act on.
 */
record DateRange(LocalDate from, LocalDate to, ZoneId zone) {

	/** A range that cannot be used, and why (the 400's detail). */
	static final class Invalid extends RuntimeException {

		Invalid(String message) {
			super(message, null, false, false);
		}

	}

	static DateRange parse(String from, String to, ZoneId zone, int maxDays) {
		LocalDate first = date("from", from);
		LocalDate last = date("to", to);
		if (last.isBefore(first)) {
			throw new Invalid("'to' (" + last + ") is before 'from' (" + first + ").");
		}
		long days = ChronoUnit.DAYS.between(first, last) + 1;
		if (days > maxDays) {
			throw new Invalid("The range is " + days + " days; one download covers at most " + maxDays
					+ " days. Choose a shorter range.");
		}
		return new DateRange(first, last, zone);
	}

	/** The first instant of {@code from}. */
	Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	/** The first instant after {@code to}. */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	@Override
	public String toString() {
		return this.from + " to " + this.to + " (" + this.zone.getId() + ")";
	}

	private static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new Invalid("'" + name + "' is required, as a date like 2026-11-01.");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Invalid("'" + name + "' must be a date like 2026-11-01.");
		}
	}

}
