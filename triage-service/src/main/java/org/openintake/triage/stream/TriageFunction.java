package org.openintake.triage.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;

import org.openintake.events.IntakeSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openintake.triage.engine.Assessment;
import org.openintake.triage.engine.TriageEngine;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * The Spring Cloud Stream function bound to both intake lanes ({@code intake-submissions} and, as
 * {@code triagePriority}, {@code intake-priority}): adapts a record to the
 * engine and the engine's assessment to a {@code CaseTriaged} record on the crisis or routine lane.
 * <p>
 * Bytes in and bytes out on purpose: parsing here means a bad record fails with a reason we wrote
 * (never a parser message quoting the text), and writing here keeps the value plain JSON with no
 * type headers.
 */
@Component("triage")
class TriageFunction implements Function<Message<byte[]>, Message<byte[]>> {

	/** Spring Cloud Stream routes a function's output message to the destination in this header. */
	static final String SEND_TO = "spring.cloud.stream.sendto.destination";

	private static final Logger log = LoggerFactory.getLogger(TriageFunction.class);

	private final IntakeReader reader;

	private final TriageEngine engine;

	private final JsonMapper json;

	private final TriageMetrics metrics;

	private final Clock clock;

	TriageFunction(IntakeReader reader, TriageEngine engine, JsonMapper json, TriageMetrics metrics) {
		this.reader = reader;
		this.engine = engine;
		this.json = json;
		this.metrics = metrics;
		this.clock = Clock.systemUTC();
	}

	@Override
	public Message<byte[]> apply(Message<byte[]> record) {
		IntakeSubmitted intake = reader.read(record.getPayload());
		Assessment assessment;
		try {
			assessment = engine.assess(intake.form());
		}
		catch (RuntimeException ex) {
			// Only the exception's class: its message could quote the patient's words.
			log.error("Triage engine failed ({}); case {} goes to on-call for manual assessment",
					ex.getClass().getSimpleName(), intake.caseId());
			metrics.engineFailed();
			assessment = NotAssessed.assessment(engine.rulesetVersion());
		}
		CaseDecision decision = CaseDecision.of(intake, assessment, clock.instant());
		metrics.assessedFrom(record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class), decision.event().crisis());
		byte[] value = json.writeValueAsBytes(decision.event());
		return MessageBuilder.withPayload(value)
			.setHeader(KafkaHeaders.KEY, intake.caseId().getBytes(StandardCharsets.UTF_8))
			.setHeader(SEND_TO, decision.topic())
			.build();
	}

}
