package org.openintake.casework.caseview;

import java.sql.Timestamp;
import java.time.Instant;

import org.openintake.casework.CaseworkProperties;
import org.openintake.casework.activity.ActivityFacts;
import org.openintake.casework.activity.ActivityOutbox;
import org.openintake.casework.audit.AuditAction;
import org.openintake.casework.audit.AuditLog;
import org.openintake.casework.caserecord.Timeline;
import org.openintake.casework.signin.StaffMember;
import org.openintake.events.CaseActivity;
import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a case outside one's scope: with a stated reason, for a limited time, in the audit log
 * (where leads see it), on the case's timeline and on {@code case-activity}.
 */
@Service
class BreakGlass {

	static final int MIN_REASON = 10;

	static final int MAX_REASON = 1000;

	private final JdbcClient jdbc;


	private final AuditLog audit;

	private final Timeline timeline;

	private final ActivityOutbox outbox;

	private final CaseworkProperties properties;

	BreakGlass(JdbcClient jdbc, AuditLog audit, Timeline timeline, ActivityOutbox outbox,
			CaseworkProperties properties) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.timeline = timeline;
		this.outbox = outbox;
		this.properties = properties;
	}

	/** Grants access, or says why not; the reason must say why this person needs this case now. */
	@Transactional
	String grant(StaffMember who, String caseId, String reason, String address) {
		String why = reason == null ? "" : reason.strip();
		if (why.length() < MIN_REASON || why.length() > MAX_REASON) {
			return "State why you need this case, in " + MIN_REASON + " to " + MAX_REASON + " characters.";
		}
		var facts = this.jdbc.sql("select risk_level, crisis, track, status from staff_case where case_id = :caseId")
			.param("caseId", caseId)
			.query((rs, row) -> ActivityFacts.of(
					rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")),
					rs.getBoolean("crisis"), rs.getString("track") == null ? null : Track.valueOf(rs.getString("track")),
					CaseStatus.valueOf(rs.getString("status"))))
			.optional();
		if (facts.isEmpty()) {
			return "There is no such case.";
		}
		Instant expires = Instant.now().plus(this.properties.breakGlass());
		this.jdbc.sql("""
				insert into break_glass (case_id, actor, actor_name, reason, expires_at)
				values (:caseId, :actor, :name, :reason, :expires)
				""")
			.param("caseId", caseId)
			.param("actor", who.subject())
			.param("name", who.name())
			.param("reason", why)
			.param("expires", Timestamp.from(expires))
			.update();
		this.audit.record(who, AuditAction.BREAK_GLASS, caseId, AuditLog.Outcome.OK, why, address);
		this.timeline.add(caseId, "BREAK_GLASS", who.subject(), who.name(), why);
		this.outbox.add(CaseActivity.Type.BREAK_GLASS, caseId, who.subject(), facts.get());
		return null;
	}

}
