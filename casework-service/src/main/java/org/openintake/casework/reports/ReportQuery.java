package org.openintake.casework.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report's figures, computed in PostgreSQL from the case record and its timeline, so that no
 * case (and no patient's data) is read into the service: only counts and durations come back.
 * First contact and booking are the first {@code STATUS_CONTACTED} and {@code STATUS_BOOKED}
 * lines of a case's timeline (the workflow reaches BOOKED only through CONTACTED; a case that
 * was declined later still keeps the times it got); crisis acknowledgement is
 * {@code staff_case.acknowledged_at}, and a case escalated if its escalation step moved.
 * Every duration runs from {@code submitted_at}, the clock the inbox shows.
 */
@Repository
class ReportQuery {

	/**
	 * The cases submitted in the range, each with its first contact and booking, then every group
	 * at once with grouping sets: track × week, week, track, and the whole range. The timeline is
	 * read per case (lateral, through the partial index of V3), not joined as a whole: a hash join
	 * would scan every status line of the clinic's whole history for a report of a few weeks.
	 */
	private static final String FIGURES = """
			with waits as (
			    select coalesce(c.track, 'UNROUTED') as track,
			           cast(date_trunc('week', c.submitted_at at time zone :zone) as date) as week,
			           c.crisis, c.status, c.escalation_step,
			           cast(extract(epoch from s.contacted_at - c.submitted_at) as float8) as contact_s,
			           cast(extract(epoch from s.booked_at - c.submitted_at) as float8) as booking_s,
			           cast(extract(epoch from c.acknowledged_at - c.submitted_at) as float8) as ack_s,
			           cast(extract(epoch from cast(:now as timestamptz) - c.submitted_at) as float8) as age_s
			    from staff_case c
			    left join lateral (
			        select min(t.at) filter (where t.kind = 'STATUS_CONTACTED') as contacted_at,
			               min(t.at) filter (where t.kind = 'STATUS_BOOKED') as booked_at
			        from case_timeline t
			        where t.case_id = c.case_id and t.kind in ('STATUS_CONTACTED', 'STATUS_BOOKED')
			    ) s on true
			    where c.submitted_at >= :start and c.submitted_at < :end
			)
			select grouping(track) as all_tracks, grouping(week) as all_weeks, track, week,
			       count(*) as referrals,
			       count(contact_s) as contacted,
			       percentile_cont(0.5) within group (order by contact_s) as contact_median,
			       percentile_cont(0.9) within group (order by contact_s) as contact_p90,
			       count(*) filter (where contact_s <= :contactTarget) as contact_within,
			       count(*) filter (where contact_s > :contactTarget
			                           or (contact_s is null and status = 'NEW' and age_s > :contactTarget)) as contact_late,
			       count(*) filter (where contact_s is null and status = 'NEW' and age_s <= :contactTarget) as contact_pending,
			       count(booking_s) as booked,
			       percentile_cont(0.5) within group (order by booking_s) as booking_median,
			       percentile_cont(0.9) within group (order by booking_s) as booking_p90,
			       count(*) filter (where booking_s <= :bookingTarget) as booking_within,
			       count(*) filter (where booking_s > :bookingTarget
			                           or (booking_s is null and status in ('NEW', 'CONTACTED') and age_s > :bookingTarget))
			           as booking_late,
			       count(*) filter (where booking_s is null and status in ('NEW', 'CONTACTED') and age_s <= :bookingTarget)
			           as booking_pending,
			       count(*) filter (where crisis) as crisis,
			       count(ack_s) filter (where crisis) as acknowledged,
			       percentile_cont(0.5) within group (order by ack_s) filter (where crisis) as ack_median,
			       max(ack_s) filter (where crisis) as ack_worst,
			       count(*) filter (where crisis and escalation_step > 0) as escalated,
			       count(*) filter (where status = 'DECLINED') as declined,
			       count(*) filter (where status = 'REFERRED_ELSEWHERE') as referred_elsewhere,
			       count(*) filter (where status in ('NEW', 'CONTACTED')) as open_now
			from waits
			group by grouping sets ((track, week), (week), (track), ())
			order by all_tracks, track, all_weeks, week
			""";

	/** Cases of the range still waiting (NEW or CONTACTED), by how long they have waited so far. */
	private static final String OPEN_BY_AGE = """
			select coalesce(c.track, 'UNROUTED') as track,
			       count(*) filter (where cast(:now as timestamptz) - c.submitted_at <= interval '14 days') as band0,
			       count(*) filter (where cast(:now as timestamptz) - c.submitted_at > interval '14 days'
			                          and extract(epoch from cast(:now as timestamptz) - c.submitted_at) <= :contactTarget) as band1,
			       count(*) filter (where extract(epoch from cast(:now as timestamptz) - c.submitted_at) > :contactTarget
			                          and extract(epoch from cast(:now as timestamptz) - c.submitted_at) <= :bookingTarget) as band2,
			       count(*) filter (where extract(epoch from cast(:now as timestamptz) - c.submitted_at) > :bookingTarget) as band3
			from staff_case c
			where c.submitted_at >= :start and c.submitted_at < :end and c.status in ('NEW', 'CONTACTED')
			group by 1
			order by 1
			""";

	private static final String MIX = """
			select coalesce(nullif(%1$s, ''), '?') as value, count(*) as cases
			from staff_case c
			where c.submitted_at >= :start and c.submitted_at < :end
			group by 1
			order by 2 desc, 1
			""";

	private final JdbcClient jdbc;

	ReportQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Figures> figures(ReportRange range, Instant now, ReportProperties targets) {
		return this.jdbc.sql(FIGURES)
			.param("zone", range.zone().getId())
			.param("start", Timestamp.from(range.start()))
			.param("end", Timestamp.from(range.end()))
			.param("now", Timestamp.from(now))
			.param("contactTarget", targets.contactTarget().toSeconds())
			.param("bookingTarget", targets.bookingTarget().toSeconds())
			.query(ReportQuery::figures)
			.list();
	}

	List<OpenCases> openByAge(ReportRange range, Instant now, ReportProperties targets) {
		return this.jdbc.sql(OPEN_BY_AGE)
			.param("start", Timestamp.from(range.start()))
			.param("end", Timestamp.from(range.end()))
			.param("now", Timestamp.from(now))
			.param("contactTarget", targets.contactTarget().toSeconds())
			.param("bookingTarget", targets.bookingTarget().toSeconds())
			.query((rs, row) -> new OpenCases(rs.getString("track"),
					List.of(rs.getLong("band0"), rs.getLong("band1"), rs.getLong("band2"), rs.getLong("band3"))))
			.list();
	}

	/** How many cases of the range chose each form language (the patient's locale). */
	List<Share> languages(ReportRange range) {
		return mix("c.locale", range);
	}

	/** How many cases of the range gave each country. */
	List<Share> countries(ReportRange range) {
		return mix("c.country", range);
	}

	private List<Share> mix(String column, ReportRange range) {
		return this.jdbc.sql(MIX.formatted(column))
			.param("start", Timestamp.from(range.start()))
			.param("end", Timestamp.from(range.end()))
			.query((rs, row) -> new Share(rs.getString("value"), rs.getLong("cases")))
			.list();
	}

	private static Figures figures(ResultSet rs, int row) throws SQLException {
		boolean allTracks = rs.getInt("all_tracks") == 1;
		boolean allWeeks = rs.getInt("all_weeks") == 1;
		return new Figures(allTracks ? null : rs.getString("track"),
				allWeeks ? null : rs.getDate("week").toLocalDate(), rs.getLong("referrals"), rs.getLong("contacted"),
				decimal(rs, "contact_median"), decimal(rs, "contact_p90"), rs.getLong("contact_within"),
				rs.getLong("contact_late"), rs.getLong("contact_pending"), rs.getLong("booked"),
				decimal(rs, "booking_median"), decimal(rs, "booking_p90"), rs.getLong("booking_within"),
				rs.getLong("booking_late"), rs.getLong("booking_pending"), rs.getLong("crisis"), rs.getLong("acknowledged"),
				decimal(rs, "ack_median"), decimal(rs, "ack_worst"), rs.getLong("escalated"), rs.getLong("declined"),
				rs.getLong("referred_elsewhere"), rs.getLong("open_now"));
	}

	private static Double decimal(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	/** Open cases of one track by age band (see {@link Report#ageBands()}). */
	public record OpenCases(String track, List<Long> bands) {
	}

	/** One value of a mix and how many cases have it. */
	public record Share(String value, long cases) {
	}

}
