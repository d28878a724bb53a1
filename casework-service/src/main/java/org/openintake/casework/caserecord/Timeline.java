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
