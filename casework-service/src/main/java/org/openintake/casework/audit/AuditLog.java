package org.openintake.casework.audit;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.openintake.casework.signin.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every view of personal data and every action: who, when, which case, what, the outcome and from
 * which address. Append-only: the service's database role may only insert and read, and a trigger
 * refuses any update or delete whoever tries.
 */
@Repository
public class AuditLog {

	/** Whether what was asked for happened. */
	public enum Outcome {
		/** shown or done */
		OK,
		/** outside the person's scope */
		DENIED,
		/** refused as bad input or a stale page: nothing changed */
		REFUSED,
		/** no such case */
		NOT_FOUND
	}

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	AuditLog(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.meters = meters;
	}

	public void record(StaffMember who, AuditAction action, String caseId, Outcome outcome, String detail,
			String clientAddress) {
		this.jdbc.sql("""
				insert into audit_log (actor, actor_name, action, case_id, outcome, detail, client_address)
				values (:actor, :name, :action, :caseId, :outcome, :detail, :address)
				""")
			.param("actor", who.subject())
			.param("name", who.name())
			.param("action", action.name())
			.param("caseId", caseId)
			.param("outcome", outcome.name())
			.param("detail", detail)
			.param("address", clientAddress)
			.update();
		this.meters.counter("casework.audit.records", "action", action.name(), "outcome", outcome.name()).increment();
	}

	/** The newest lines first, for one case, one person, or both (null means any). */
	public List<Entry> find(String caseId, String actor, int limit) {
		return this.jdbc.sql("""
				select at, actor, actor_name, action, case_id, outcome, detail, client_address from audit_log
				where (cast(:caseId as varchar) is null or case_id = :caseId)
				  and (cast(:actor as varchar) is null or actor = :actor)
				order by id desc limit :limit
				""")
			.param("caseId", caseId)
			.param("actor", actor)
			.param("limit", limit)
			.query((rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("actor_name"), rs.getString("action"), rs.getString("case_id"), rs.getString("outcome"),
					rs.getString("detail"), rs.getString("client_address")))
			.list();
	}

	/** One line of the audit log. */
	public record Entry(Instant at, String actor, String actorName, String action, String caseId, String outcome,
			String detail, String clientAddress) {

		public String shortCaseId() {
			return org.openintake.casework.caserecord.CaseRecord.shortId(this.caseId);
		}

	}

}
