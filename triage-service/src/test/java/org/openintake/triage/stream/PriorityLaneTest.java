package org.openintake.triage.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openintake.events.CaseTriaged;
import org.openintake.events.IntakeSubmitted;
import org.openintake.events.Topics;
import org.openintake.triage.Intakes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lane at the door on the real (embedded KRaft) broker: triage reads {@code intake-priority}
 * on its own consumers, still decides the output lane itself, and is not held up by a routine
 * backlog on {@code intake-submissions}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PriorityLaneTest {

	private static final String ROUTINE_BINDING = "triage-in-0";

	private static KafkaTestClient kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@Autowired
	BindingsLifecycleController bindings;

	@BeforeAll
	static void client() {
		kafka = new KafkaTestClient();
	}

	@AfterAll
	static void closeClient() {
		kafka.close();
	}

	@Test
	void aCrisisOnThePriorityLaneReachesTheCrisisLaneWhileARoutineBacklogWaits() throws Exception {
		bindings.pause(ROUTINE_BINDING);
		List<IntakeSubmitted> backlog = new ArrayList<>();
		try {
			for (int i = 0; i < 300; i++) {
				IntakeSubmitted routine = Intakes.submitted(Intakes.routineForm());
				kafka.send(Topics.INTAKE_SUBMISSIONS, routine.caseId(), json.writeValueAsBytes(routine));
				backlog.add(routine);
			}
			IntakeSubmitted crisis = Intakes.submitted(Intakes.crisisForm());

			kafka.send(Topics.INTAKE_PRIORITY, crisis.caseId(), json.writeValueAsBytes(crisis));

			CaseTriaged decision = decision(kafka.awaitRecord(Topics.CASES_CRISIS, crisis.caseId()));
			assertThat(decision.crisis()).isTrue();
			assertThat(kafka.recordsNow(Topics.CASES_ROUTED, backlog.get(0).caseId()))
				.as("the routine lane is paused: its backlog is still waiting")
				.isEmpty();
		}
		finally {
			bindings.resume(ROUTINE_BINDING);
		}
		// and nothing of the backlog is lost once the routine lane runs again
		kafka.awaitRecord(Topics.CASES_ROUTED, backlog.get(backlog.size() - 1).caseId());
		kafka.awaitRecord(Topics.CASES_ROUTED, backlog.get(0).caseId());
	}

	@Test
	void anIntakeThePreScreenSentAheadButTriageFindsRoutineIsRoutedOnce() throws Exception {
		IntakeSubmitted intake = Intakes.submitted(Intakes.routineForm());
		double before = count("lane", "priority", "crisis", "false");

		kafka.send(Topics.INTAKE_PRIORITY, intake.caseId(), json.writeValueAsBytes(intake));

		CaseTriaged decision = decision(kafka.awaitRecord(Topics.CASES_ROUTED, intake.caseId()));
		assertThat(decision.crisis()).isFalse();
		assertThat(kafka.recordsNow(Topics.CASES_ROUTED, intake.caseId())).hasSize(1);
		assertThat(kafka.recordsNow(Topics.CASES_CRISIS, intake.caseId())).isEmpty();
		assertThat(count("lane", "priority", "crisis", "false")).isEqualTo(before + 1);
	}

	@Test
	void aCrisisOnTheRoutineLaneIsStillPromotedToTheCrisisLane() throws Exception {
		// an intake instance without the pre-screen (or an older ruleset) during a rolling upgrade
		IntakeSubmitted intake = Intakes.submitted(Intakes.crisisForm());
		double before = count("lane", "routine", "crisis", "true");

		kafka.send(Topics.INTAKE_SUBMISSIONS, intake.caseId(), json.writeValueAsBytes(intake));

		assertThat(decision(kafka.awaitRecord(Topics.CASES_CRISIS, intake.caseId())).crisis()).isTrue();
		assertThat(kafka.recordsNow(Topics.CASES_CRISIS, intake.caseId())).hasSize(1);
		assertThat(kafka.recordsNow(Topics.CASES_ROUTED, intake.caseId())).isEmpty();
		await().untilAsserted(() -> assertThat(count("lane", "routine", "crisis", "true")).isEqualTo(before + 1));
	}

	@Test
	void aPoisonRecordOnThePriorityLaneGoesToItsOwnDlq() throws Exception {
		IntakeSubmitted good = Intakes.submitted(Intakes.crisisForm());
		byte[] notJson = "I want to die {not json".getBytes(StandardCharsets.UTF_8);

		kafka.send(Topics.INTAKE_PRIORITY, good.caseId(), notJson);
		kafka.send(Topics.INTAKE_PRIORITY, good.caseId(), json.writeValueAsBytes(good));

		assertThat(kafka.awaitRecord(Topics.dlq(Topics.INTAKE_PRIORITY), good.caseId()).value()).isEqualTo(notJson);
		kafka.awaitRecord(Topics.CASES_CRISIS, good.caseId());
	}

	private CaseTriaged decision(ConsumerRecord<byte[], byte[]> record) {
		return json.readValue(record.value(), CaseTriaged.class);
	}

	private double count(String... tags) {
		return meters.find("triage.lane.assessments").tags(tags).counters().stream().mapToDouble(Counter::count).sum();
	}

}
