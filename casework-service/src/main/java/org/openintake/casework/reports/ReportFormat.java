package org.openintake.casework.reports;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The report's numbers as the page and the CSV write them (pages call it as {@code @reportFormat}),
 * so that the table beside a chart, the chart and the CSV show the same value. Durations are
 * stored in seconds and shown in days (waits) or minutes (crisis acknowledgement).
 */
@Component("reportFormat")
public class ReportFormat {

	/** An ISO week by its Monday: "2026-W48". */
	public String week(LocalDate monday) {
		return monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ String.format(Locale.ROOT, "%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/** Seconds as days with one decimal, or "—" when there is no such time. */
	public String days(Double seconds) {
		return seconds == null ? "—" : String.format(Locale.ROOT, "%.1f", seconds / 86_400);
	}

	/** Seconds as minutes with one decimal, or "—". */
	public String minutes(Double seconds) {
		return seconds == null ? "—" : String.format(Locale.ROOT, "%.1f", seconds / 60);
	}

	/** A share 0–1 as a whole percentage, or "—" when no case has yet met or missed the target. */
	public String percent(Double share) {
		return share == null ? "—" : String.format(Locale.ROOT, "%.0f", share * 100);
	}

	/** A track's name as staff read it: "GENERAL_ASSESSMENT" → "general assessment". */
	public String track(String track) {
		return track == null ? "all tracks" : track.toLowerCase(Locale.ROOT).replace('_', ' ');
	}

}
