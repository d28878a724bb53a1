package org.openintake.casework;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leads' report against cases with known waiting times (real PostgreSQL), its refusals, and
 * its CSV. The cases are submitted between 20 and 3 weeks ago and the range ends a week ago, so
 * the cases other test classes create (submitted now) are outside it.
 *
 * <p>The boundary: a case reached after exactly the target (6 weeks = 3,628,800 s; 18 weeks) is
 * within it; one second later is not.
 */
class ReportsTest extends CaseworkTest {

	private static final Duration WEEK = Duration.ofDays(7);

	private final ReportCases cases = new ReportCases();

	private Instant now;

	private LocalDate from;

	private LocalDate to;

	@BeforeEach
	void seed() {
		this.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		LocalDate today = LocalDate.ofInstant(this.now, ZoneOffset.UTC);
		this.from = today.minusWeeks(26);
		this.to = today.minusDays(8);
		Instant twentyWeeksAgo = this.now.minus(WEEK.multipliedBy(20));
		Instant twelveWeeksAgo = this.now.minus(WEEK.multipliedBy(12));
		Instant tenWeeksAgo = this.now.minus(WEEK.multipliedBy(10));
		Instant threeWeeksAgo = this.now.minus(WEEK.multipliedBy(3));

		// CBT, 20 weeks ago: contacted and booked exactly at the targets; one second late; contacted, never booked
		this.cases.add("c1", "CBT", twentyWeeksAgo, "BOOKED", "en", "GB");
		this.cases.step("c1", Duration.ofDays(42), "STATUS_CONTACTED");
		this.cases.step("c1", Duration.ofDays(126), "STATUS_BOOKED");
		this.cases.add("c2", "CBT", twentyWeeksAgo, "BOOKED", "es", "GB");
		this.cases.step("c2", Duration.ofDays(42).plusSeconds(1), "STATUS_CONTACTED");
		this.cases.step("c2", Duration.ofDays(126).plusSeconds(1), "STATUS_BOOKED");
		this.cases.add("c3", "CBT", twentyWeeksAgo, "CONTACTED", "en", "GB");
		this.cases.step("c3", Duration.ofDays(7), "STATUS_CONTACTED");
		this.cases.step("c3", Duration.ofDays(8), "NOTE");
		// CBT, 3 weeks ago: still new, inside both targets
		this.cases.add("c4", "CBT", threeWeeksAgo, "NEW", "en", "GB");
		this.cases.step("c4", Duration.ofDays(1), "VIEWED");
		// CBT, 10 weeks ago: still new (past 6 weeks), declined without contact, contacted then referred elsewhere
		this.cases.add("c5", "CBT", tenWeeksAgo, "NEW", "en", "GB");
		this.cases.add("c6", "CBT", tenWeeksAgo, "DECLINED", "en", "GB");
		this.cases.step("c6", Duration.ofDays(3), "STATUS_DECLINED");
		this.cases.add("c7", "CBT", tenWeeksAgo, "REFERRED_ELSEWHERE", "en", "IE");
		this.cases.step("c7", Duration.ofDays(14), "STATUS_CONTACTED");
		this.cases.step("c7", Duration.ofDays(20), "STATUS_REFERRED_ELSEWHERE");
		// TMS crisis cases, 12 weeks ago: acknowledged in 5 min; in 30 min after escalating; never (escalated)
		this.cases.add("t1", "TMS", twelveWeeksAgo, "CONTACTED", "de", "DE");
		this.cases.crisis("t1", Duration.ofMinutes(5), 0);
		this.cases.step("t1", Duration.ofDays(1), "STATUS_CONTACTED");
		this.cases.add("t2", "TMS", twelveWeeksAgo, "NEW", "de", "DE");
		this.cases.crisis("t2", Duration.ofMinutes(30), 2);
		this.cases.step("t2", Duration.ofMinutes(10), "ESCALATED");
		this.cases.add("t3", "TMS", twelveWeeksAgo, "NEW", "de", "DE");
		this.cases.crisis("t3", null, 1);
		// outside the range: submitted yesterday, and half a year and a week ago
		this.cases.add("x1", "CBT", this.now.minus(Duration.ofDays(1)), "NEW", "en", "GB");
		this.cases.add("x2", "CBT", this.from.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1), "NEW", "en", "GB");
	}

	@AfterEach
	void removeCases() {
		this.cases.removeAll();
	}

	@Test
	void aLeadSeesTheFiguresOfTheSeededCasesPerTrackWithOpenCasesCountedHonestly() {
		StaffBrowser lead = browser();
		StaffBrowser.Page page = lead.signIn(reportPath(), "lead");

		assertThat(page.status()).isEqualTo(200);
		Document html = page.document();
		Map<String, List<String>> tracks = rows(html, "t-tracks");
		// referrals, contact median/p90 days, booking median/p90 days ... from the table beside the chart
		// CBT contacts: 7d, 14d, 42d, 42d+1s -> median 28 days, p90 42.0; bookings 126d, 126d+1s
		assertThat(tracks.get("cbt")).containsExactly("28.0", "42.0", "126.0", "126.0", "7",
				// within 6 weeks: c1 (exactly 6 weeks), c3, c7 of c1, c2 (one second late), c3, c5 (new, 10 weeks), c7
				"60",
				// within 18 weeks: c1 of c1, c2, c3 (contacted, waiting 20 weeks); c4, c5 still inside; c6, c7 ended
				"33",
				"1", "1", "3");
		assertThat(tracks.get("tms")).containsExactly("1.0", "1.0", "—", "—", "3", "33", "—", "0", "0", "3");

		String summary = html.selectFirst("dl.summary").text();
		assertThat(summary).contains("Referrals 10")
			.contains("Contacted within 6 weeks 50% 4 of 8; 1 waiting, not yet late")
			.contains("Booked within 18 weeks 33% 1 of 3; 5 waiting, not yet late")
			.contains("Crisis cases 3 median acknowledgement 17.5 min, worst 30.0 min, 2 escalated 1 not yet acknowledged")
			.contains("Declined 1")
			.contains("Referred elsewhere 1")
			.contains("Still waiting (new or contacted) 6");

		// still waiting today, by age: c4 3 weeks; c5 10 weeks, t1-t3 12 weeks; c3 20 weeks
		assertThat(rows(html, "t-open")).containsEntry("cbt", List.of("0", "1", "1", "1"))
			.containsEntry("tms", List.of("0", "0", "3", "0"));
		assertThat(rows(html, "t-languages")).containsExactly(Map.entry("en", List.of("6")), Map.entry("de", List.of("3")),
				Map.entry("es", List.of("1")));
		assertThat(rows(html, "t-countries")).containsExactly(Map.entry("GB", List.of("6")),
				Map.entry("DE", List.of("3")), Map.entry("IE", List.of("1")));

		// every week of the range is a row, with or without referrals; the referrals add up
		Map<String, List<String>> weeks = rows(html, "t-referrals");
		assertThat(weeks).hasSize((int) ChronoUnit.WEEKS.between(monday(this.from), monday(this.to)) + 1).containsKey(isoWeek(this.from)).containsKey(isoWeek(this.to));
		assertThat(weeks.get(isoWeek(this.now.minus(WEEK.multipliedBy(20))))).containsExactly("3", "0", "3");
		assertThat(weeks.get(isoWeek(this.now.minus(WEEK.multipliedBy(12))))).containsExactly("0", "3", "3");
		assertThat(rows(html, "t-crisis").get(isoWeek(this.now.minus(WEEK.multipliedBy(12)))))
			.containsExactly("17.5", "30.0", "3", "1", "2");

		// the charts' library and script come from this service; no patient data on the page
		assertThat(html.select("script").eachAttr("src")).containsExactly("/webjars/echarts/5.3.1/dist/echarts.min.js",
				"/js/reports.js");
		assertThat(lead.open("/webjars/echarts/5.3.1/dist/echarts.min.js").status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain(ReportCases.PATIENT_NAME).doesNotContain(ReportCases.PREFIX);
		assertThat(html.select("nav a").eachAttr("href")).contains("/staff/reports");
		assertThat(count("select count(*) from audit_log where actor = 'lead' and action = 'VIEW_REPORTS' "
				+ "and outcome = 'OK' and case_id is null and detail = ?", "cases submitted " + this.from + " to " + this.to + " (UTC)"))
			.isEqualTo(1);
	}

	@Test
	void theCsvHasOneRowPerTrackAndWeekWithTheFigures() {
		StaffBrowser lead = browser();
		lead.signIn("/staff/cases", "lead");
		StaffBrowser.Page csv = lead.open("/staff/reports.csv?from=" + this.from + "&to=" + this.to);

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"openintake-report-" + this.from + "_" + this.to + ".csv\"");
		assertThat(csv.header("Cache-Control")).contains("no-store");
		List<String> lines = Arrays.asList(csv.body().split("\r\n"));
		assertThat(lines.get(0)).isEqualTo("week_start,iso_week,track,referrals,contacted,contact_median_days,"
				+ "contact_p90_days,contact_within_target,contact_past_target,contact_waiting_within_target,"
				+ "contact_within_target_percent,booked,booking_median_days,booking_p90_days,booking_within_target,"
				+ "booking_past_target,booking_waiting_within_target,booking_within_target_percent,crisis,"
				+ "crisis_acknowledged,crisis_ack_median_minutes,crisis_ack_worst_minutes,crisis_escalated,declined,"
				+ "referred_elsewhere,open_now");
		LocalDate w20 = monday(this.now.minus(WEEK.multipliedBy(20)));
		LocalDate w12 = monday(this.now.minus(WEEK.multipliedBy(12)));
		LocalDate w10 = monday(this.now.minus(WEEK.multipliedBy(10)));
		LocalDate w3 = monday(this.now.minus(WEEK.multipliedBy(3)));
		assertThat(lines.subList(1, lines.size())).containsExactly(
				// contacts 7d, 42d, 42d+1s: median 42 days; c1 and c3 within, c2 one second late
				w20 + "," + isoWeek(w20) + ",CBT,3,3,42.00,42.00,2,1,0,66.7,2,126.00,126.00,1,2,0,33.3,0,0,,,0,0,0,1",
				w10 + "," + isoWeek(w10) + ",CBT,3,1,14.00,14.00,1,1,0,50.0,0,,,0,0,1,,0,0,,,0,1,1,1",
				w3 + "," + isoWeek(w3) + ",CBT,1,0,,,0,0,1,,0,,,0,0,1,,0,0,,,0,0,0,1",
				w12 + "," + isoWeek(w12) + ",TMS,3,1,1.00,1.00,1,2,0,33.3,0,,,0,0,3,,3,2,17.50,30.00,2,0,0,3");
		assertThat(csv.body()).doesNotContain(ReportCases.PATIENT_NAME).doesNotContain(ReportCases.PREFIX);
		assertThat(count("select count(*) from audit_log where actor = 'lead' and action = 'DOWNLOAD_REPORT' "
				+ "and outcome = 'OK' and detail like ?", "cases submitted " + this.from + " to %: 4 rows")).isEqualTo(1);
	}

	@Test
	void aColleagueWhoIsNotALeadIsRefusedAndTheAttemptAudited() {
		StaffBrowser cbt = browser();
		StaffBrowser.Page inbox = cbt.signIn("/staff/cases", "cbt");
		assertThat(inbox.document().select("nav a").eachAttr("href")).doesNotContain("/staff/reports");
		int before = count("select count(*) from audit_log where actor = 'cbt' and outcome = 'DENIED' "
				+ "and action in ('VIEW_REPORTS', 'DOWNLOAD_REPORT')");

		StaffBrowser.Page page = cbt.open(reportPath());
		StaffBrowser.Page csv = cbt.open("/staff/reports.csv?from=" + this.from + "&to=" + this.to);

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.text()).contains("Not allowed").doesNotContain("Referrals");
		assertThat(csv.status()).isEqualTo(403);
		assertThat(csv.header("Content-Type")).startsWith("text/html");
		assertThat(count("select count(*) from audit_log where actor = 'cbt' and outcome = 'DENIED' "
				+ "and action in ('VIEW_REPORTS', 'DOWNLOAD_REPORT')")).isEqualTo(before + 2);
	}

	@Test
	void aRangeThatCannotBeUsedIsA400WithTheReason() {
		StaffBrowser lead = browser();
		lead.signIn("/staff/cases", "lead");
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("/staff/reports?from=2026-02-30&to=2026-03-01", "The start date must be a date like 2026-11-01.");
		refused.put("/staff/reports?from=2026-03-01&to=2026-02-01",
				"The end date (2026-02-01) is before the start date (2026-03-01).");
		refused.put("/staff/reports?from=2024-01-01&to=2026-01-01",
				"The range is 732 days long; a report covers at most 731 days. Choose a shorter range.");
		refused.put("/staff/reports?from=2026-03-01", "The end date is missing: give both dates, like 2026-11-01.");
		refused.put("/staff/reports.csv?from=nonsense&to=2026-03-01", "The start date must be a date like 2026-11-01.");
		int before = count("select count(*) from audit_log where actor = 'lead' and outcome = 'REFUSED'");

		refused.forEach((path, reason) -> {
			StaffBrowser.Page page = lead.open(path);
			assertThat(page.status()).as(path).isEqualTo(400);
			assertThat(page.document().selectFirst("p.error").text()).as(path).isEqualTo(reason);
		});
		assertThat(count("select count(*) from audit_log where actor = 'lead' and outcome = 'REFUSED'"))
			.isEqualTo(before + refused.size());

		// no range at all is the last 12 weeks, this one included
		StaffBrowser.Page lastWeeks = lead.open("/staff/reports");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(lastWeeks.status()).isEqualTo(200);
		assertThat(lastWeeks.document().selectFirst("#from").val())
			.isEqualTo(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11).toString());
		assertThat(lastWeeks.document().selectFirst("#to").val()).isEqualTo(today.toString());
		assertThat(rows(lastWeeks.document(), "t-referrals")).hasSize(12);
	}

	private String reportPath() {
		return "/staff/reports?from=" + this.from + "&to=" + this.to;
	}

	/** A table's body rows by their first cell, each with its other cells' text. */
	static Map<String, List<String>> rows(Document html, String tableId) {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (Element row : html.select("#" + tableId + " tbody tr")) {
			List<String> cells = row.children().stream().map(Element::text).toList();
			rows.put(cells.get(0), cells.subList(1, cells.size()));
		}
		return rows;
	}

	private static LocalDate monday(Instant at) {
		return monday(LocalDate.ofInstant(at, ZoneOffset.UTC));
	}

	private static LocalDate monday(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static String isoWeek(Instant at) {
		return isoWeek(monday(at));
	}

	private static String isoWeek(LocalDate day) {
		return day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

}
