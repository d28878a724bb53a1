package org.openintake.casework.caserecord;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to a case, in order: from the events (submitted, triaged) and from staff and escalation. */
@Repository
public class Timeline {

	private final JdbcClient jdbc;

	Timeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(String caseId, String kind, String actor, String actorName, String detail) {
		this.jdbc.sql("""
				insert into case_timeline (case_id, kind, actor, actor_name, detail)
				values (:caseId, :kind, :actor, :actorName, :detail)
				""")
			.param("caseId", caseId)
			.param("kind", kind)
			.param("actor", actor)
			.param("actorName", actorName)
			.param("detail", detail)
			.update();
	}

	/**
	 * Notes that a person opened the case, at most once an hour per person: the timeline shows
	 * who has seen it without a line for every reload (the audit log has every view).
	 */
	public void viewed(String caseId, String actor, String actorName) {
		this.jdbc.sql("""
				insert into case_timeline (case_id, kind, actor, actor_name)
				select :caseId, 'VIEWED', :actor, :actorName
				where not exists (select 1 from case_timeline where case_id = :caseId and kind = 'VIEWED'
				                  and actor = :actor and at > now() - interval '1 hour')
				""")
			.param("caseId", caseId)
			.param("actor", actor)
			.param("actorName", actorName)
			.update();
	}

	/** The same line on each of these cases (a few at a time: each id is a bind parameter), in one statement. */
	public void addToEach(List<String> caseIds, String kind, String actor, String actorName, String detail) {
		if (caseIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into case_timeline (case_id, kind, actor, actor_name, detail)
				select case_id, :kind, :actor, :actorName, :detail from staff_case where case_id in (:ids)
				""")
			.param("ids", caseIds)
			.param("kind", kind)
			.param("actor", actor)
			.param("actorName", actorName)
			.param("detail", detail)
			.update();
	}

	public List<TimelineEntry> of(String caseId) {
		return this.jdbc.sql("""
				select at, kind, actor, actor_name, detail from case_timeline where case_id = :caseId order by at, id
				""")
			.param("caseId", caseId)
			.query((rs, row) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
					rs.getString("actor"), rs.getString("actor_name"), rs.getString("detail")))
			.list();
	}

	/** One line of a case's timeline. */
	public record TimelineEntry(java.time.Instant at, String kind, String actor, String actorName, String detail) {
	}

}
