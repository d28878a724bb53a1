package org.openintake.intake.lane;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openintake.events.Topics;
import org.openintake.intake.IntakeServiceTest;
import org.openintake.intake.IntakeTopic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lane chosen at the door: with the real engine and the embedded broker, each intake is on
 * exactly one of the two topics, and the receipt tells the page whether to show the crisis panel.
 */
@IntakeServiceTest
class LaneAtTheDoorTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static IntakeTopic routine;

	private static IntakeTopic priority;

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	WebTestClient client;

	@BeforeAll
	static void openTopics() {
		String brokers = System.getProperty("spring.embedded.kafka.brokers");
		routine = new IntakeTopic(brokers, Topics.INTAKE_SUBMISSIONS);
		priority = new IntakeTopic(brokers, Topics.INTAKE_PRIORITY);
	}

	@AfterAll
	static void closeTopics() {
		routine.close();
		priority.close();
	}

	@BeforeEach
	void client() {
		client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	@Test
	void anIntakeWithNothingOfConcernTakesTheRoutineLane() throws Exception {
		JsonNode receipt = submit(form("I sleep badly and feel low most days"));

		assertOnlyOn(routine, priority, receipt);
		assertThat(receipt.get("crisis").asBoolean()).isFalse();
	}

	@Test
	void crisisWordsTakeThePriorityLaneAndTheReceiptAsksForTheCrisisPanel() throws Exception {
		double before = lane("priority");

		JsonNode receipt = submit(form("I have decided to kill myself tonight, I have the pills ready"));

		assertOnlyOn(priority, routine, receipt);
		assertThat(receipt.get("crisis").asBoolean()).isTrue();
		assertThat(lane("priority")).isEqualTo(before + 1);
	}

	@Test
	void aPositiveRiskItemAloneTakesThePriorityLane() throws Exception {
		ObjectNode form = form("I sleep badly and feel low most days");
		((ArrayNode) form.at("/questionnaires/phq9")).set(8, 1);

		assertOnlyOn(priority, routine, submit(form));
	}

	@Test
	void aNegatedMentionTakesThePriorityLaneWithoutThePanel() throws Exception {
		// triage decides; the lane only makes sure no backlog sits in front of that decision
		JsonNode receipt = submit(form("I have never wanted to kill myself, I just cannot sleep"));

		assertOnlyOn(priority, routine, receipt);
		assertThat(receipt.get("crisis").asBoolean()).isFalse();
	}

	@Test
	void bothLanesHaveTheConfiguredPartitions() {
		assertThat(priority.partitionCount()).isEqualTo(routine.partitionCount()).isEqualTo(6);
	}

	private static void assertOnlyOn(IntakeTopic lane, IntakeTopic other, JsonNode receipt) {
		String caseId = receipt.get("caseId").asString();
		assertThat(lane.withKey(caseId)).hasSize(1);
		assertThat(other.withKey(caseId)).isEmpty();
	}

	private double lane(String lane) {
		return meters.get("intake.lane.intakes").tag("lane", lane).counter().count();
	}

	private static ObjectNode form(String concerns) throws Exception {
		ObjectNode form = (ObjectNode) json.readTree(
				new ClassPathResource("org/openintake/intake/submission/valid-intake.json").getInputStream());
		((ObjectNode) form.get("answers")).put("concerns", concerns);
		return form;
	}

	private JsonNode submit(ObjectNode form) {
		byte[] body = client.post()
			.uri("/api/intakes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(form.toString())
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return json.readTree(body);
	}

}
