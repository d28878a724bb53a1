package org.openintake.casework.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.openintake.casework.CaseworkProperties;
import org.openintake.casework.activity.ActivityFacts;
import org.openintake.casework.activity.ActivityOutbox;
import org.openintake.casework.caserecord.Timeline;
import org.openintake.events.CaseActivity;
import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates every crisis case that no person has acknowledged by its deadline: a
 * {@code CRISIS_ACKNOWLEDGEMENT_OVERDUE} event (step 1 for the escalation address, then one per
 * repeat interval for the clinical lead; notification-service sends the emails), and a line on the
 * case's timeline. The next escalation time is a column of the case, so escalation survives a
 * restart of this service, and instances never escalate the same step twice
 * ({@code for update skip locked}).
 */
@Component
class CrisisEscalation {

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ActivityOutbox outbox;

	private final Timeline timeline;

	private final CaseworkProperties properties;

	private final MeterRegistry meters;

	CrisisEscalation(JdbcClient jdbc, TransactionTemplate transactions, ActivityOutbox outbox, Timeline timeline,
			CaseworkProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outbox = outbox;
		this.timeline = timeline;
		this.properties = properties;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${casework.escalation.poll-interval:5s}")
	void escalateOverdue() {
		Integer escalated;
		do {
			escalated = this.transactions.execute(status -> escalateBatch());
		}
		while (escalated != null && escalated == BATCH);
	}

	private int escalateBatch() {
		List<Overdue> overdue = this.jdbc.sql("""
				select case_id, risk_level, track, status, escalation_step, acknowledgement_due_at from staff_case
				where next_escalation_at <= now() and crisis and acknowledged_at is null
				  and status in ('NEW', 'CONTACTED', 'BOOKED')
				order by next_escalation_at limit :batch for update skip locked
				""")
			.param("batch", BATCH)
			.query((rs, row) -> new Overdue(rs.getString("case_id"),
					rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")),
					rs.getString("track") == null ? null : Track.valueOf(rs.getString("track")),
					CaseStatus.valueOf(rs.getString("status")), rs.getInt("escalation_step"),
					rs.getTimestamp("acknowledgement_due_at").toInstant()))
			.list();
		for (Overdue c : overdue) {
			int step = c.step() + 1;
			this.jdbc.sql("""
					update staff_case set escalation_step = :step, next_escalation_at = :next where case_id = :caseId
					""")
				.param("step", step)
				.param("next", Timestamp.from(Instant.now().plus(this.properties.escalation().repeat())))
				.param("caseId", c.caseId())
				.update();
			this.outbox.add(CaseActivity.Type.CRISIS_ACKNOWLEDGEMENT_OVERDUE, c.caseId(), CaseActivity.SYSTEM,
					ActivityFacts.of(c.risk(), true, c.track(), c.status()).withEscalation(step, c.dueAt()));
			this.timeline.add(c.caseId(), "ESCALATED", CaseActivity.SYSTEM, null,
					"step " + step + ": not acknowledged in time; " + (step == 1 ? "escalation address emailed"
							: "clinical lead emailed"));
			this.meters.counter("casework.crisis.escalations", "risk", String.valueOf(c.risk())).increment();
		}
		return overdue.size();
	}

	private record Overdue(String caseId, RiskLevel risk, Track track, CaseStatus status, int step, Instant dueAt) {
	}

}
