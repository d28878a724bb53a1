package org.openintake.casework.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.openintake.casework.reports.ReportQuery.OpenCases;
import org.openintake.casework.reports.ReportQuery.Share;

/**
 * One report as the page, the CSV and the tests read it: the figures of every group, every week
 * of the range present (a week without referrals is a row of zeros, not a gap in a chart).
 *
 * @param tracks the tracks with referrals in the range, in name order
 * @param byTrackAndWeek the rows of the CSV: only groups with referrals
 */
public record Report(ReportRange range, Instant computedAt, String contactTarget, String bookingTarget, Figures total,
		List<Figures> byWeek, List<Figures> byTrack, List<Figures> byTrackAndWeek, List<String> tracks,
		List<OpenCases> openByAge, List<Share> languages, List<Share> countries) {

	/** The age bands of open cases: the second and third end at the contact and booking targets. */
	public List<String> ageBands() {
		return List.of("up to 2 weeks", "2 weeks to " + this.contactTarget, this.contactTarget + " to " + this.bookingTarget,
				"over " + this.bookingTarget);
	}

	static Report of(ReportRange range, Instant now, ReportProperties targets, List<Figures> rows,
			List<OpenCases> openByAge, List<Share> languages, List<Share> countries) {
		Figures total = Figures.none(null, null);
		List<Figures> weeks = new ArrayList<>();
		List<Figures> tracks = new ArrayList<>();
		List<Figures> cells = new ArrayList<>();
		for (Figures row : rows) {
			if (row.track() == null && row.week() == null) {
				total = row;
			}
			else if (row.track() == null) {
				weeks.add(row);
			}
			else if (row.week() == null) {
				tracks.add(row);
			}
			else {
				cells.add(row);
			}
		}
		List<Figures> everyWeek = new ArrayList<>();
		for (LocalDate monday : range.weeks()) {
			everyWeek.add(weeks.stream()
				.filter(row -> row.week().equals(monday))
				.findFirst()
				.orElse(Figures.none(null, monday)));
		}
		return new Report(range, now, ReportProperties.describe(targets.contactTarget()),
				ReportProperties.describe(targets.bookingTarget()), total, everyWeek, tracks, cells,
				tracks.stream().map(Figures::track).toList(), openByAge, languages, countries);
	}

	/** The referrals of one track in one week (0 when there were none). */
	public long referrals(String track, LocalDate week) {
		return this.byTrackAndWeek.stream()
			.filter(row -> row.track().equals(track) && Objects.equals(row.week(), week))
			.mapToLong(Figures::referrals)
			.sum();
	}

	/** Open cases in one band, over all tracks. */
	public long openInBand(int band) {
		return this.openByAge.stream().mapToLong(open -> open.bands().get(band)).sum();
	}

}
