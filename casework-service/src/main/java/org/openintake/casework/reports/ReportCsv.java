package org.openintake.casework.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report as CSV (RFC 4180, CRLF line ends): one row per track and ISO week of submission with
 * the page's figures, no patient data. Durations in days (waits) and minutes (acknowledgement)
 * with two decimals; a blank cell where there is no such time or share yet.
 */
final class ReportCsv {

	static final List<String> HEADER = List.of("week_start", "iso_week", "track", "referrals", "contacted",
			"contact_median_days", "contact_p90_days", "contact_within_target", "contact_past_target",
			"contact_waiting_within_target", "contact_within_target_percent", "booked", "booking_median_days",
			"booking_p90_days", "booking_within_target", "booking_past_target", "booking_waiting_within_target",
			"booking_within_target_percent", "crisis", "crisis_acknowledged", "crisis_ack_median_minutes",
			"crisis_ack_worst_minutes", "crisis_escalated", "declined", "referred_elsewhere", "open_now");

	private ReportCsv() {
	}

	static String of(Report report, ReportFormat format) {
		StringBuilder csv = new StringBuilder();
		line(csv, HEADER);
		for (Figures row : report.byTrackAndWeek()) {
			List<String> cells = new ArrayList<>();
			cells.add(row.week().toString());
			cells.add(format.week(row.week()));
			cells.add(text(row.track()));
			cells.add(Long.toString(row.referrals()));
			cells.add(Long.toString(row.contacted()));
			cells.add(decimal(row.contactMedian(), 86_400));
			cells.add(decimal(row.contactP90(), 86_400));
			cells.add(Long.toString(row.contactWithin()));
			cells.add(Long.toString(row.contactLate()));
			cells.add(Long.toString(row.contactPending()));
			cells.add(percent(row.contactWithinShare()));
			cells.add(Long.toString(row.booked()));
			cells.add(decimal(row.bookingMedian(), 86_400));
			cells.add(decimal(row.bookingP90(), 86_400));
			cells.add(Long.toString(row.bookingWithin()));
			cells.add(Long.toString(row.bookingLate()));
			cells.add(Long.toString(row.bookingPending()));
			cells.add(percent(row.bookingWithinShare()));
			cells.add(Long.toString(row.crisis()));
			cells.add(Long.toString(row.acknowledged()));
			cells.add(decimal(row.acknowledgementMedian(), 60));
			cells.add(decimal(row.acknowledgementWorst(), 60));
			cells.add(Long.toString(row.escalated()));
			cells.add(Long.toString(row.declined()));
			cells.add(Long.toString(row.referredElsewhere()));
			cells.add(Long.toString(row.open()));
			line(csv, cells);
		}
		return csv.toString();
	}

	/**
	 * A text cell that a spreadsheet will not run: one starting with = + - @ or a tab or carriage
	 * return is read as a formula by Excel and LibreOffice, so it gets a leading apostrophe (OWASP's
	 * advice). Today the only text is a track's name, but a cell must not depend on that staying so.
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + value : value;
	}

	private static String decimal(Double seconds, int unit) {
		return seconds == null ? "" : String.format(Locale.ROOT, "%.2f", seconds / unit);
	}

	private static String percent(Double share) {
		return share == null ? "" : String.format(Locale.ROOT, "%.1f", share * 100);
	}

	private static void line(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(quoted(cells.get(i)));
		}
		csv.append("\r\n");
	}

	/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
	private static String quoted(String cell) {
		if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
			return '"' + cell.replace("\"", "\"\"") + '"';
		}
		return cell;
	}

}
