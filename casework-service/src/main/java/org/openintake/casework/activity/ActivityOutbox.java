package org.openintake.casework.activity;

import java.time.Instant;
import java.util.UUID;

import org.openintake.events.CaseActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a {@code case-activity} event is written, inside the transaction of the change it
 * describes; {@link OutboxRelay} publishes it. A change is never committed without its event, and
 * an event never published for a change that rolled back.
 */
@Component
public class ActivityOutbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ActivityOutbox(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Adds the event; call it inside the transaction that makes the change. */
	public CaseActivity add(CaseActivity.Type type, String caseId, String actor, ActivityFacts facts) {
		CaseActivity event = new CaseActivity(UUID.randomUUID(), caseId, Instant.now(), CaseActivity.SCHEMA_VERSION,
				type, actor, facts.riskLevel(), facts.crisis(), facts.track(), facts.status(), facts.previousStatus(),
				facts.previousTrack(), facts.assignee(), facts.escalationStep(), facts.acknowledgementDueAt());
		this.jdbc.sql("insert into activity_outbox (case_id, payload) values (:caseId, :payload)")
			.param("caseId", caseId)
			.param("payload", this.json.writeValueAsBytes(event))
			.update();
		return event;
	}

}
