package org.openintake.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lane chosen at the door, end to end on a stack of its own: with thousands of routine cases
 * queued in front of triage (its routine consumer paused through the bindings endpoint), a crisis
 * submitted afterwards reaches on-call; a case intake sent ahead that triage routes as routine,
 * and a crisis that came the routine way, each reach the right mailbox exactly once; and the
 * queued cases are all delivered once the routine lane runs again.
 */
class CrisisLaneStackTest {

	/** Clear of the shared stack (100), the TLS stack (150), the staff stack (200), the benchmark (300) and the faults (400). */
	static final String PORT_OFFSET_PROPERTY = "localstack.test.lane-port-offset";

	static final int BACKLOG = 2_000;

	private static final String ON_CALL = "crisis-oncall@clinic.local";

	private static final String CBT = "cbt@clinic.local";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static LocalStack stack;

	@BeforeAll
	static void startStackWhoseTriageLanesCanBePaused() {
		Ports ports = Ports.withOffset(Integer.getInteger(PORT_OFFSET_PROPERTY, 250));
		stack = new LocalStack(ports, StackHome.locate().target().resolve("lane-run"),
				List.of("--intake.rate-limit.enabled=false"), false, List.of(),
				List.of("--management.endpoints.web.exposure.include=health,prometheus,bindings"));
		stack.start();
	}

	@AfterAll
	static void stop() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aCrisisOvertakesAQueuedRoutineBacklogAndEveryCaseReachesItsMailboxOnce() throws Exception {
		Mailboxes mail = new Mailboxes(stack);
		routineLane("PAUSED");
		List<String> backlog = submitAll(BACKLOG);

		JsonNode crisisReceipt = submit(Intakes.crisis("I am going to kill myself tonight. " + UUID.randomUUID()));
		assertThat(crisisReceipt.get("crisis").asBoolean()).as("the page shows the crisis panel at once").isTrue();
		String crisis = crisisReceipt.get("caseId").asString();
		// intake thought it might be a crisis (a negated mention); triage reads it and routes it as routine
		JsonNode aheadReceipt = submit(Intakes.routine("I have never wanted to kill myself, I just sleep badly."));
		assertThat(aheadReceipt.get("crisis").asBoolean()).isFalse();
		String sentAhead = aheadReceipt.get("caseId").asString();

		mail.awaitMessageAbout(ON_CALL, crisis);
		mail.awaitMessageAbout(CBT, sentAhead);
		assertThat(mail.messages(CBT)).as("the routine backlog is still queued in front of triage").hasSize(1);

		routineLane("RESUMED");
		// a crisis that came the routine way (an intake instance without the pre-screen): triage promotes it
		String promoted = publishOnTheRoutineLane(Intakes.crisis("I want to kill myself. " + UUID.randomUUID()));
		mail.awaitMessageAbout(ON_CALL, promoted);
		mail.awaitMessageAbout(CBT, backlog.get(backlog.size() - 1));
		await("every queued case emailed").atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> mail.messages(CBT).size() >= BACKLOG + 1);

		assertThat(about(mail, ON_CALL, crisis)).isOne();
		assertThat(about(mail, ON_CALL, promoted)).isOne();
		assertThat(about(mail, CBT, sentAhead)).isOne();
		assertThat(about(mail, ON_CALL, sentAhead)).isZero();
		assertThat(about(mail, CBT, promoted)).isZero();
		assertThat(mail.messages(CBT)).hasSize(BACKLOG + 1);
	}

	/** Pauses or resumes triage's consumer of {@code intake-submissions}; the priority lane runs on. */
	private static void routineLane(String state) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(stack.triage().managementUrl() + "/actuator/bindings/triage-in-0"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
	}

	/** Submits {@code count} routine intakes through intake-service, 16 at a time; returns their case ids in order. */
	private static List<String> submitAll(int count) throws Exception {
		Semaphore inFlight = new Semaphore(16);
		List<CompletableFuture<String>> cases = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			inFlight.acquire();
			cases.add(http.sendAsync(request(Intakes.routine("Low mood since the winter, case " + i + ".")),
					HttpResponse.BodyHandlers.ofString())
				.thenApply(response -> {
					assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
					return json.readTree(response.body()).get("caseId").asString();
				})
				.whenComplete((caseId, failure) -> inFlight.release()));
		}
		return cases.stream().map(CompletableFuture::join).toList();
	}

	private static JsonNode submit(String body) throws Exception {
		HttpResponse<String> response = http.send(request(body), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body());
	}

	private static HttpRequest request(String body) {
		return HttpRequest.newBuilder(URI.create(stack.intake().url() + "/api/intakes"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** Writes an {@code IntakeSubmitted} straight to {@code intake-submissions}, as an intake without the pre-screen would. */
	private static String publishOnTheRoutineLane(String form) throws Exception {
		String caseId = UUID.randomUUID().toString();
		ObjectNode event = json.createObjectNode();
		event.put("eventId", UUID.randomUUID().toString());
		event.put("caseId", caseId);
		event.put("occurredAt", Instant.now().toString());
		event.put("schemaVersion", 1);
		event.put("receiptTokenHash", HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(caseId.getBytes(StandardCharsets.UTF_8))));
		event.set("form", json.readTree(form));
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.ports().bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("intake-submissions", caseId, json.writeValueAsString(event))).get();
		}
		return caseId;
	}

	private static int about(Mailboxes mail, String mailbox, String caseId) {
		return (int) mail.messages(mailbox)
			.stream()
			.filter(message -> message.get("mimeMessage").asString().contains(caseId))
			.count();
	}

}
