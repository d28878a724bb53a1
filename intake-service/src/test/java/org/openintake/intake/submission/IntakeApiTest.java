package org.openintake.intake.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openintake.intake.IntakeServiceTest;
import org.openintake.intake.IntakeTopic;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/intakes} against the real embedded KRaft broker: what a client gets back and
 * what is (or is not) on the {@code intake-submissions} topic afterwards.
 */
@IntakeServiceTest
@ExtendWith(OutputCaptureExtension.class)
class IntakeApiTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static IntakeTopic topic;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	MeterRegistry meters;

	WebTestClient client;

	@BeforeAll
	static void openTopic() {
		topic = new IntakeTopic(System.getProperty("spring.embedded.kafka.brokers"));
	}

	@AfterAll
	static void closeTopic() {
		topic.close();
	}

	@BeforeEach
	void client() {
		client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	static ObjectNode validBody() throws Exception {
		return (ObjectNode) json.readTree(new ClassPathResource("valid-intake.json", IntakeApiTest.class).getInputStream());
	}

	static String sha256Hex(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	double submissions(String outcome) {
		return meters.get("intake.submissions").tag("outcome", outcome).counter().count();
	}

	WebTestClient.ResponseSpec post(String body, String idempotencyKey) {
		return client.post()
			.uri("/api/intakes")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> {
				if (idempotencyKey != null) {
					headers.set("Idempotency-Key", idempotencyKey);
				}
			})
			.bodyValue(body)
			.exchange();
	}

	JsonNode accepted(String body, String idempotencyKey) {
		byte[] response = post(body, idempotencyKey).expectStatus()
			.isAccepted()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return json.readTree(response);
	}

	@Test
	void aValidIntakeIsOnTheTopicKeyedByCaseIdBeforeTheReceiptIsAnswered(CapturedOutput output) throws Exception {
		ObjectNode body = validBody();
		double acceptedBefore = submissions("accepted");

		JsonNode receipt = accepted(body.toString(), null);

		String caseId = receipt.get("caseId").asString();
		String token = receipt.get("receiptToken").asString();
		assertThat(UUID.fromString(caseId).version()).as("time-ordered UUIDv7").isEqualTo(7);
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(receipt.get("status").asString()).isEqualTo("RECEIVED");
		assertThat(receipt.get("crisis").asBoolean()).as("nothing of concern in the form").isFalse();
		assertThat(receipt.at("/links/outcome").asString())
			.isEqualTo(IntakeServiceTest.NOTIFICATION_ABSENT + "/api/cases/" + caseId + "/outcome");
		assertThat(receipt.at("/links/helplines").asString())
			.isEqualTo(IntakeServiceTest.NOTIFICATION_ABSENT + "/api/helplines?country=GB&lang=en");

		List<ConsumerRecord<String, String>> records = topic.withKey(caseId);
		assertThat(records).hasSize(1);
		ConsumerRecord<String, String> record = records.get(0);
		assertThat(record.topic()).as("nothing of concern: the routine lane").isEqualTo("intake-submissions");
		assertThat(record.headers().toArray()).as("plain JSON, no type headers").isEmpty();
		JsonNode event = json.readTree(record.value());
		assertThat(event.get("caseId").asString()).isEqualTo(caseId);
		assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
		assertThat(UUID.fromString(event.get("eventId").asString())).isNotNull();
		assertThat(Instant.parse(event.get("occurredAt").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(event.get("receiptTokenHash").asString()).isEqualTo(sha256Hex(token));
		assertThat(record.value()).doesNotContain(token);
		assertThat(event.get("form")).isEqualTo(body);
		assertThat(submissions("accepted")).isEqualTo(acceptedBefore + 1);
		assertThat(output.getAll()).as("no health data or contact details in any log line")
			.doesNotContain("I sleep badly")
			.doesNotContain("ada@example.org")
			.doesNotContain(token);
	}

	@Test
	void submissionsByOutcomeAreScrapedByPrometheusOnTheManagementPort() throws Exception {
		accepted(validBody().toString(), null);
		String scrape = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + managementPort)
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).containsPattern("intake_submissions_total\\{[^}]*outcome=\"accepted\"[^}]*} [1-9]")
			.contains("outcome=\"invalid\"")
			.contains("outcome=\"duplicate\"")
			.contains("outcome=\"unavailable\"");
	}

	@Test
	void twoSubmissionsGetDifferentCasesAndTokens() throws Exception {
		JsonNode first = accepted(validBody().toString(), null);
		JsonNode second = accepted(validBody().toString(), null);
		assertThat(second.get("caseId")).isNotEqualTo(first.get("caseId"));
		assertThat(second.get("receiptToken")).isNotEqualTo(first.get("receiptToken"));
		assertThat(UUID.fromString(second.get("caseId").asString()))
			.as("case ids sort by arrival")
			.isGreaterThan(UUID.fromString(first.get("caseId").asString()));
	}

	record Invalid(String name, Consumer<ObjectNode> change, HttpStatus status, String field) {

		@Override
		public String toString() {
			return name;
		}

	}

	static List<Invalid> invalidForms() {
		return List.of(new Invalid("missing consent", body -> body.remove("consent"), HttpStatus.UNPROCESSABLE_CONTENT, "consent"),
				new Invalid("consent to processing not given",
						body -> ((ObjectNode) body.get("consent")).put("processing", false),
						HttpStatus.UNPROCESSABLE_CONTENT, "consent.processing"),
				new Invalid("PHQ-9 with 8 items", body -> ((ArrayNode) body.at("/questionnaires/phq9")).remove(8),
						HttpStatus.UNPROCESSABLE_CONTENT, "questionnaires.phq9"),
				new Invalid("PHQ-9 with a 4", body -> ((ArrayNode) body.at("/questionnaires/phq9")).set(8, 4),
						HttpStatus.UNPROCESSABLE_CONTENT, "questionnaires.phq9[8]"),
				new Invalid("PHQ-9 item missing", body -> ((ArrayNode) body.at("/questionnaires/phq9")).setNull(3),
						HttpStatus.UNPROCESSABLE_CONTENT, "questionnaires.phq9[3]"),
				new Invalid("unknown locale", body -> body.put("locale", "nl"), HttpStatus.UNPROCESSABLE_CONTENT, "locale"),
				new Invalid("free text over 4000 characters",
						body -> ((ObjectNode) body.get("answers")).put("concerns", "x".repeat(4001)),
						HttpStatus.UNPROCESSABLE_CONTENT, "answers.concerns"),
				new Invalid("a 1 MB field", body -> ((ObjectNode) body.get("answers")).put("history", "y".repeat(1 << 20)),
						HttpStatus.CONTENT_TOO_LARGE, "body"),
				new Invalid("PHQ-9 item as a string", body -> ((ArrayNode) body.at("/questionnaires/phq9")).set(1, "2"),
						HttpStatus.BAD_REQUEST, "questionnaires.phq9[1]"),
				new Invalid("PHQ-9 item as a fraction", body -> ((ArrayNode) body.at("/questionnaires/phq9")).set(2, 2.5),
						HttpStatus.BAD_REQUEST, "questionnaires.phq9[2]"),
				new Invalid("C-SSRS answer as a string",
						body -> ((ObjectNode) body.at("/questionnaires/cssrs")).put("wishDead", "no"),
						HttpStatus.BAD_REQUEST, "questionnaires.cssrs.wishDead"),
				new Invalid("questionnaires as an array", body -> body.putArray("questionnaires"), HttpStatus.BAD_REQUEST,
						"questionnaires"),
				new Invalid("unknown treatment track",
						body -> ((ArrayNode) body.at("/treatment/interests")).set(0, "HOMEOPATHY"), HttpStatus.BAD_REQUEST,
						"treatment.interests[0]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidForms")
	void anInvalidFormIsRefusedNamingTheFieldAndNothingIsPublished(Invalid invalid) throws Exception {
		ObjectNode body = validBody();
		invalid.change().accept(body);
		assertRefused(body.toString(), MediaType.APPLICATION_JSON, invalid.status(), invalid.field());
	}

	@Test
	void aBodyThatIsNotJsonIsRefused() throws Exception {
		assertRefused("{\"locale\": \"en\", \"country\": ", MediaType.APPLICATION_JSON, HttpStatus.BAD_REQUEST, "country");
		assertRefused("{\"locale\": \"en\", \"questionnaires\": {\"phq9\": [1, 2, x]}}", MediaType.APPLICATION_JSON,
				HttpStatus.BAD_REQUEST, "questionnaires.phq9[2]");
		assertRefused("not json at all", MediaType.APPLICATION_JSON, HttpStatus.BAD_REQUEST, "body");
		assertRefused("", MediaType.APPLICATION_JSON, HttpStatus.BAD_REQUEST, "body");
		assertRefused("[1,2,3]", MediaType.APPLICATION_JSON, HttpStatus.BAD_REQUEST, "body");
		assertRefused(validBody() + " {}", MediaType.APPLICATION_JSON, HttpStatus.BAD_REQUEST, "body");
		String duplicateField = validBody().toString().replace("\"locale\":\"en\"", "\"locale\":\"en\",\"locale\":\"de\"");
		assertThat(duplicateField).contains("\"locale\":\"de\"");
		assertRefused(duplicateField, MediaType.APPLICATION_JSON, HttpStatus.BAD_REQUEST, "locale");
	}

	@Test
	void aStreamedBodyWithoutContentLengthIsCutOffAtTheLimit() throws Exception {
		long before = topic.size();
		byte[] chunk = " ".repeat(8 * 1024).getBytes(StandardCharsets.UTF_8);
		Flux<DataBuffer> body = Flux.concat(Flux.range(0, 16).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk)),
				Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(validBody().toString().getBytes(StandardCharsets.UTF_8))));

		EntityExchangeResult<byte[]> result = client.post()
			.uri("/api/intakes")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.returnResult();

		assertThat(result.getRequestHeaders().getContentLength()).as("sent chunked").isEqualTo(-1);
		assertThat(fields(result)).containsExactly("body");
		assertThat(topic.size()).isEqualTo(before);
	}

	@Test
	void bothLanesAreCreatedWithTheConfiguredPartitions() {
		assertThat(topic.partitionCount()).isEqualTo(2 * 6);
	}

	@Test
	void aBodyThatIsNotDeclaredAsJsonIsRefused() throws Exception {
		assertRefused(validBody().toString(), MediaType.TEXT_PLAIN, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type");
	}

	@Test
	void anIdempotencyKeyThatIsTooLongIsRefused() throws Exception {
		long before = topic.size();
		EntityExchangeResult<byte[]> result = post(validBody().toString(), "k".repeat(201)).expectStatus()
			.isBadRequest()
			.expectBody()
			.returnResult();
		assertThat(fields(result)).containsExactly("Idempotency-Key");
		assertThat(topic.size()).isEqualTo(before);
	}

	@Test
	void aRetryWithTheSameKeyAndBodyGetsTheSameReceiptAndPublishesNothingNew() throws Exception {
		String key = UUID.randomUUID().toString();
		double duplicatesBefore = submissions("duplicate");

		JsonNode first = accepted(validBody().toString(), key);
		// the same form, formatted differently: a retry is recognised by content, not by bytes
		JsonNode retry = accepted(json.writerWithDefaultPrettyPrinter().writeValueAsString(validBody()), key);

		assertThat(retry).isEqualTo(first);
		List<ConsumerRecord<String, String>> records = topic.withKey(first.get("caseId").asString());
		assertThat(records).hasSize(1);
		assertThat(UUID.fromString(json.readTree(records.get(0).value()).get("eventId").asString()).version())
			.as("name-based on key and form, so another instance gives the retry the same identity")
			.isEqualTo(5);
		assertThat(submissions("duplicate")).isEqualTo(duplicatesBefore + 1);
	}

	@Test
	void theSameKeyWithADifferentBodyIsRefused() throws Exception {
		String key = UUID.randomUUID().toString();
		JsonNode first = accepted(validBody().toString(), key);
		long before = topic.size();

		ObjectNode other = validBody();
		((ArrayNode) other.at("/questionnaires/phq9")).set(0, 3);
		EntityExchangeResult<byte[]> result = post(other.toString(), key).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult();

		assertThat(fields(result)).containsExactly("Idempotency-Key");
		assertThat(topic.size()).isEqualTo(before);
		assertThat(topic.withKey(first.get("caseId").asString())).hasSize(1);
	}

	@Test
	void concurrentDuplicatesWhileTheFirstIsInFlightMakeOneCase() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = validBody().toString();
		long before = topic.size();

		List<JsonNode> receipts = Flux.range(0, 8)
			.parallel(8)
			.runOn(Schedulers.boundedElastic())
			.map(i -> accepted(body, key))
			.sequential()
			.collectList()
			.block();

		Set<String> caseIds = receipts.stream().map(r -> r.get("caseId").asString()).collect(Collectors.toSet());
		assertThat(caseIds).hasSize(1);
		assertThat(receipts.stream().map(r -> r.get("receiptToken").asString()).distinct()).hasSize(1);
		assertThat(topic.size()).isEqualTo(before + 1);
		assertThat(topic.withKey(caseIds.iterator().next())).hasSize(1);
	}

	/** A request on each refusal path, every one carrying the canary, then neither the log nor the scrape holds it. */
	@Test
	void noHealthDataInLogsOrMetricsOnAnyPath(CapturedOutput output) throws Exception {
		ObjectNode form = Canary.form();
		String key = "canary-" + UUID.randomUUID();
		accepted(form.toString(), key);

		ObjectNode outOfRange = Canary.form();
		((ArrayNode) outOfRange.at("/questionnaires/phq9")).set(8, 7);
		post(outOfRange.toString(), null).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		ObjectNode wrongType = Canary.form();
		((ArrayNode) wrongType.at("/questionnaires/phq9")).set(0, Canary.TEXT);
		((ObjectNode) wrongType.get("answers")).put("goals", 42);
		post(wrongType.toString(), null).expectStatus().isBadRequest();
		post(form.toString().replace(Canary.TEXT, Canary.TEXT + "\\x"), null).expectStatus().isBadRequest();
		post(form.toString().substring(0, form.toString().indexOf(Canary.TEXT) + 30), null).expectStatus().isBadRequest();
		post(form.toString().replace("\"goals\":\"", "\"goals\":\"" + "x".repeat(200_000)), null).expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		post(form.toString().replace("sleep again", "sleep better"), key).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		client.post().uri("/api/intakes").contentType(MediaType.TEXT_PLAIN).bodyValue(form.toString()).exchange()
			.expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

		String scrape = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build()
			.get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult().getResponseBody();
		assertThat(scrape).as("metrics").doesNotContainIgnoringCase(Canary.TEXT);
		assertThat(output.getAll()).as("logs").doesNotContainIgnoringCase(Canary.TEXT);
	}

	private void assertRefused(String body, MediaType contentType, HttpStatus status, String field) throws Exception {
		long before = topic.size();
		double invalidBefore = submissions("invalid");

		EntityExchangeResult<byte[]> result = client.post()
			.uri("/api/intakes")
			.contentType(contentType)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult();

		JsonNode problem = json.readTree(result.getResponseBodyContent());
		assertThat(problem.get("status").asInt()).isEqualTo(status.value());
		assertThat(fields(result)).contains(field);
		problem.get("errors").forEach(error -> assertThat(error.get("reason").asString()).isNotBlank());
		assertThat(topic.size()).as("nothing published").isEqualTo(before);
		assertThat(submissions("invalid")).isEqualTo(invalidBefore + 1);
	}

	private static List<String> fields(EntityExchangeResult<byte[]> result) {
		JsonNode errors = json.readTree(result.getResponseBodyContent()).get("errors");
		assertThat(errors).as("errors array").isNotNull();
		return IntStream.range(0, errors.size()).mapToObj(i -> errors.get(i).get("field").asString()).toList();
	}

}
