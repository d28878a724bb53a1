package org.openintake.casework;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a report takes with a year of data: 50,000 cases submitted over the last 365 days,
 * written with generate_series (with their timeline: submitted, triaged, a view, and first contact
 * and booking where their status says so), then the page and the CSV asked for over HTTP as a
 * signed-in lead. Prints the times (the README quotes them); asserts only that the answers are
 * complete, never a time, which depends on the machine.
 */
class ReportTimingTest extends CaseworkTest {

	private static final int CASES = 50_000;

	private final ReportCases cases = new ReportCases();

	@Autowired
	MeterRegistry meters;

	@AfterEach
	void removeCases() {
		this.cases.removeAll();
	}

	@Test
	void aReportOverAYearOfFiftyThousandCasesIsTimed() {
		long seeding = System.nanoTime();
		seed();
		System.out.printf("report timing: seeded %,d cases and %,d timeline lines in %d ms%n", CASES,
				count("select count(*) from case_timeline where case_id like 'rpt-%'"),
				(System.nanoTime() - seeding) / 1_000_000);

		StaffBrowser lead = browser();
		lead.signIn("/staff/cases", "lead");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		time(lead, "page, the default 12 weeks", "/staff/reports");
		time(lead, "page, 52 weeks", "/staff/reports?from=" + today.minusDays(364) + "&to=" + today);
		time(lead, "CSV, 52 weeks", "/staff/reports.csv?from=" + today.minusDays(364) + "&to=" + today);
		time(lead, "page, 104 weeks (half of it empty)",
				"/staff/reports?from=" + today.minusDays(727) + "&to=" + today);

		StaffBrowser.Page year = lead.open("/staff/reports?from=" + today.minusDays(364) + "&to=" + today);
		assertThat(year.status()).isEqualTo(200);
		assertThat(year.document().selectFirst("dl.summary dd").text()).isEqualTo(String.format("%d",
				count("select count(*) from staff_case where submitted_at >= ?::date", today.minusDays(364).toString())));
	}

	private void time(StaffBrowser lead, String what, String path) {
		assertThat(lead.open(path).status()).isEqualTo(200); // warm: plans, templates, connections
		List<Long> millis = new ArrayList<>();
		Timer queries = this.meters.get("casework.reports.queries").timer();
		long queriesBefore = queries.count();
		double queryMillisBefore = queries.totalTime(TimeUnit.MILLISECONDS);
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			StaffBrowser.Page page = lead.open(path);
			millis.add((System.nanoTime() - start) / 1_000_000);
			assertThat(page.status()).isEqualTo(200);
		}
		Collections.sort(millis);
		double queryMillis = (queries.totalTime(TimeUnit.MILLISECONDS) - queryMillisBefore) / (queries.count() - queriesBefore);
		System.out.printf("report timing: %s with %,d cases over a year: median %d ms, fastest %d, slowest %d "
				+ "(5 requests); the queries alone %.0f ms on average%n", what, CASES, millis.get(2), millis.get(0),
				millis.get(4), queryMillis);
	}

	/** A year of cases, one every ~10 minutes, over all seven tracks; a tenth crisis cases. */
	private void seed() {
		var owner = this.cases.owner();
		owner.sql("""
				insert into staff_case (case_id, received_at, submitted_at, locale, country, patient_name, triaged_at,
				                        crisis, risk_level, track, suggested_track, status, acknowledged_at, escalation_step)
				select 'rpt-perf-' || i, at, at, (array['en', 'es', 'de', 'fr'])[1 + i % 4],
				       (array['GB', 'IE', 'DE', 'ES', 'FR'])[1 + i % 5], 'Timing', at, i % 10 = 0,
				       case when i % 10 = 0 then 'HIGH' else 'LOW' end, track, track,
				       case when i % 23 = 0 then 'DECLINED' when i % 29 = 0 then 'REFERRED_ELSEWHERE'
				            when at > now() - interval '6 weeks' and i % 3 = 0 then 'NEW'
				            when i % 7 = 0 then 'CONTACTED' when i % 11 = 0 then 'CLOSED' else 'BOOKED' end,
				       case when i % 10 = 0 and i % 70 <> 0 then at + (i % 97) * interval '1 minute' end,
				       case when i % 40 = 0 then 1 else 0 end
				from (select i, now() - interval '365 days' * i / :cases as at,
				             (array['TMS', 'CBT', 'MBSR', 'NEUROFEEDBACK', 'ADDICTION', 'PSYCHIATRY',
				                    'GENERAL_ASSESSMENT'])[1 + i % 7] as track
				      from generate_series(1, :cases) i) s
				""").param("cases", CASES).update();
		owner.sql("""
				insert into case_timeline (case_id, at, kind, actor)
				select case_id, submitted_at + n * interval '1 hour', kind, 'someone'
				from staff_case, unnest(array['SUBMITTED', 'TRIAGED', 'VIEWED'], array[0, 0, 2]) as k(kind, n)
				where case_id like 'rpt-perf-%'
				""").update();
		owner.sql("""
				insert into case_timeline (case_id, at, kind, actor)
				select case_id, submitted_at + (1 + abs(hashtext(case_id)) % 60) * interval '1 day', 'STATUS_CONTACTED', 'someone'
				from staff_case where case_id like 'rpt-perf-%' and status in ('CONTACTED', 'BOOKED', 'CLOSED')
				""").update();
		owner.sql("""
				insert into case_timeline (case_id, at, kind, actor)
				select case_id, submitted_at + (61 + abs(hashtext(case_id)) % 90) * interval '1 day', 'STATUS_BOOKED', 'someone'
				from staff_case where case_id like 'rpt-perf-%' and status in ('BOOKED', 'CLOSED')
				""").update();
		owner.sql("analyze staff_case").update();
		owner.sql("analyze case_timeline").update();
	}

}
