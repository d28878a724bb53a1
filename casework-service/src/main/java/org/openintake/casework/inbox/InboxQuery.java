package org.openintake.casework.inbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openintake.casework.CaseworkProperties;
import org.openintake.casework.caserecord.CaseScope;
import org.openintake.casework.signin.StaffMember;
import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbox's rows and counts, scoped in SQL. Order: crisis cases first, IMMINENT, HIGH then
 * MODERATE, then by how long the case has waited (oldest first).
 */
@Repository
class InboxQuery {

	static final int PAGE = 200;

	private static final String OPEN = "c.status in ('NEW', 'CONTACTED', 'BOOKED')";

	private final JdbcClient jdbc;

	private final CaseworkProperties properties;

	InboxQuery(JdbcClient jdbc, CaseworkProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	List<InboxRow> rows(StaffMember staff, InboxFilter filter) {
		Instant now = Instant.now();
		String sql = """
				select c.case_id, c.patient_name, c.crisis, c.risk_level, c.track, c.status, c.assignee_name,
				       coalesce(c.submitted_at, c.received_at) as waiting_since, c.acknowledged_at, c.triaged_at
				from staff_case c
				where %s and %s
				  and (cast(:track as varchar) is null or c.track = :track)
				  and (not :unassigned or c.assignee is null)
				  and (not :mine or c.assignee = :subject)
				order by case when c.crisis then 0 else 1 end,
				         case c.risk_level when 'IMMINENT' then 0 when 'HIGH' then 1 when 'MODERATE' then 2 else 3 end,
				         waiting_since, c.case_id
				limit %d
				""".formatted(CaseScope.PREDICATE, statusCondition(filter), PAGE);
		return CaseScope.bind(this.jdbc.sql(sql), staff)
			.param("track", filter.track() == null ? null : filter.track().name())
			.param("status", filter.status() == null ? null : filter.status().name())
			.param("unassigned", filter.unassigned())
			.param("mine", filter.mine())
			.query((rs, row) -> {
				boolean crisis = rs.getBoolean("crisis");
				RiskLevel risk = rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level"));
				CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
				Instant since = rs.getTimestamp("waiting_since").toInstant();
				return new InboxRow(rs.getString("case_id"), rs.getString("patient_name"), crisis, risk,
						rs.getString("track") == null ? null : Track.valueOf(rs.getString("track")), status,
						rs.getString("assignee_name"), since, rs.getTimestamp("acknowledged_at") != null,
						rs.getTimestamp("triaged_at") != null,
						ResponseClock.of(crisis, risk, since, status, now, this.properties.responseTargets()));
			})
			.list();
	}

	InboxCounts counts(StaffMember staff) {
		String sql = """
				select count(*) filter (where %1$s) as open,
				       count(*) filter (where %1$s and c.assignee is null) as unassigned,
				       count(*) filter (where %1$s and c.assignee = :subject) as mine,
				       count(*) filter (where %1$s and c.crisis and c.acknowledged_at is null) as unacknowledged
				from staff_case c where %2$s
				""".formatted(OPEN, CaseScope.PREDICATE);
		long[] totals = CaseScope.bind(this.jdbc.sql(sql), staff)
			.query((rs, row) -> new long[] { rs.getLong("open"), rs.getLong("unassigned"), rs.getLong("mine"),
					rs.getLong("unacknowledged") })
			.single();
		Map<String, Long> byStatus = new HashMap<>();
		CaseScope.bind(this.jdbc.sql("select c.status, count(*) as n from staff_case c where " + CaseScope.PREDICATE
				+ " group by c.status"), staff).query(rs -> {
					byStatus.put(rs.getString("status"), rs.getLong("n"));
				});
		Map<String, Long> byTrack = new HashMap<>();
		CaseScope.bind(this.jdbc.sql("select c.track, count(*) as n from staff_case c where " + CaseScope.PREDICATE
				+ " and " + OPEN + " and c.track is not null group by c.track"), staff).query(rs -> {
					byTrack.put(rs.getString("track"), rs.getLong("n"));
				});
		return new InboxCounts(totals[0], totals[1], totals[2], totals[3], byStatus, byTrack);
	}

	private static String statusCondition(InboxFilter filter) {
		if (filter.allStatuses()) {
			return "true";
		}
		return filter.status() == null ? OPEN : "c.status = :status";
	}

}
