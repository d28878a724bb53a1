package org.openintake.triage.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.Instrument;
import org.openintake.events.IntakeSubmitted;
import org.openintake.events.Topics;
import org.openintake.events.Track;
import org.openintake.triage.Intakes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The triage function on the real (embedded KRaft) broker: intakes in, decisions out on the right
 * lane, poison records to the DLQ without blocking the partition.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class TriageStreamTest {

	private static final String DLQ = Topics.dlq(Topics.INTAKE_SUBMISSIONS);

	private static final JsonSchema CASE_TRIAGED_SCHEMA = caseTriagedSchema();

	private static KafkaTestClient kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void client() {
		kafka = new KafkaTestClient();
	}

	@AfterAll
	static void closeClient() {
		kafka.close();
	}

	@Test
	void aRoutineIntakeIsRoutedWithItsScoresAndTrack() throws Exception {
		IntakeSubmitted intake = Intakes.submitted(Intakes.routineForm());
		double decisionsBefore = count("triage.decisions", "crisis", "false", "track", "CBT");

		submit(intake);

		ConsumerRecord<byte[], byte[]> record = kafka.awaitRecord(Topics.CASES_ROUTED, intake.caseId());
		CaseTriaged decision = readDecision(json, record);
		assertThat(decision.crisis()).isFalse();
		assertThat(decision.track()).isEqualTo(Track.CBT);
		assertThat(decision.scores()).anySatisfy(score -> {
			assertThat(score.instrument()).isEqualTo(Instrument.PHQ9);
			assertThat(score.total()).isEqualTo(12);
		});
		assertThat(decision.scores()).anySatisfy(score -> {
			assertThat(score.instrument()).isEqualTo(Instrument.GAD7);
			assertThat(score.total()).isEqualTo(10);
		});
		assertThat(decision.rationale()).isNotEmpty();
		assertThat(decision.rulesetVersion()).isNotBlank();
		assertThat(decision.schemaVersion()).isEqualTo(1);
		assertThat(decision.caseId()).isEqualTo(intake.caseId());
		assertThat(decision.submittedAt()).isEqualTo(intake.occurredAt());
		assertThat(decision.eventId()).isEqualTo(CaseDecision.eventIdFor(intake.eventId()))
			.isNotEqualTo(intake.eventId());
		assertThat(decision.contact()).isEqualTo(new CaseTriaged.Contact("Ada Lovelace", "ada@example.org",
				"+44 20 7946 0000", "phone", "en", "GB", true, intake.receiptTokenHash()));
		// Counted when Kafka acknowledged the decision, once.
		await().untilAsserted(() -> assertThat(count("triage.decisions", "crisis", "false", "track", "CBT"))
			.isEqualTo(decisionsBefore + 1));

		// Plain JSON a kcat user can read, with no type headers, and none of the free text.
		assertThat(record.headers().toArray()).isEmpty();
		String value = new String(record.value(), StandardCharsets.UTF_8);
		assertThat(json.readTree(value).isObject()).isTrue();
		assertThat(value).doesNotContain("sleep badly", "counselling", "enjoy work");
		assertThat(kafka.recordsNow(Topics.CASES_CRISIS, intake.caseId())).isEmpty();
	}

	@Test
	void aCrisisIntakeTakesTheCrisisLane(CapturedOutput logs) throws Exception {
		IntakeSubmitted intake = Intakes.submitted(Intakes.crisisForm());
		double crisisDecisionsBefore = count("triage.decisions", "crisis", "true");
		double flagsBefore = count("triage.crisis.flags", "category", "SUICIDAL_IDEATION_ACTIVE", "language", "en");

		submit(intake);

		ConsumerRecord<byte[], byte[]> record = kafka.awaitRecord(Topics.CASES_CRISIS, intake.caseId());
		CaseTriaged decision = readDecision(json, record);
		assertThat(decision.crisis()).isTrue();
		assertThat(decision.riskLevel().ordinal()).isGreaterThanOrEqualTo(2);
		assertThat(decision.flags()).anySatisfy(flag -> {
			assertThat(flag.source()).isEqualTo("answers.concerns");
			assertThat(flag.matchedText()).containsIgnoringCase("kill myself");
			assertThat(flag.negated()).isFalse();
		});
		assertThat(decision.flags()).anySatisfy(flag -> assertThat(flag.source()).contains("phq9"));
		assertThat(decision.flags()).extracting(CaseTriaged.Flag::category)
			.contains(CrisisCategory.SUICIDAL_IDEATION_ACTIVE);
		await().untilAsserted(() -> {
			assertThat(count("triage.decisions", "crisis", "true")).isEqualTo(crisisDecisionsBefore + 1);
			assertThat(count("triage.crisis.flags", "category", "SUICIDAL_IDEATION_ACTIVE", "language", "en"))
				.isGreaterThan(flagsBefore);
		});
		assertThat(kafka.recordsNow(Topics.CASES_ROUTED, intake.caseId())).isEmpty();
		assertThat(logs.getAll()).doesNotContain("kill myself", "nothing left", "Ada Lovelace", "ada@example.org");
	}

	@Test
	void aPhq9Item9AnswerAloneIsACrisis() throws Exception {
		var routine = Intakes.routineForm();
		var questionnaires = routine.questionnaires();
		var form = new org.openintake.events.IntakeForm(routine.locale(), routine.country(), routine.patient(),
				routine.consent(),
				new org.openintake.events.IntakeForm.Questionnaires(List.of(2, 2, 1, 2, 1, 1, 2, 1, 1), questionnaires.gad7(),
						questionnaires.cssrs(), questionnaires.auditC(), null, null, null),
				routine.answers(), routine.treatment());
		IntakeSubmitted intake = Intakes.submitted(form);

		submit(intake);

		CaseTriaged decision = readDecision(json, kafka.awaitRecord(Topics.CASES_CRISIS, intake.caseId()));
		assertThat(decision.crisis()).isTrue();
		assertThat(decision.flags()).anySatisfy(flag -> assertThat(flag.source()).contains("phq9"));
	}

	@Test
	void aRedeliveredIntakeKeepsItsDecisionIdentity() throws Exception {
		IntakeSubmitted intake = Intakes.submitted(Intakes.routineForm());

		submit(intake);
		submit(intake);

		List<ConsumerRecord<byte[], byte[]>> records = kafka.awaitRecords(Topics.CASES_ROUTED, intake.caseId(), 2);
		Set<UUID> eventIds = records.stream()
			.map(record -> readDecision(json, record).eventId())
			.collect(Collectors.toSet());
		assertThat(eventIds).containsExactly(CaseDecision.eventIdFor(intake.eventId()));
	}

	@Test
	void poisonRecordsGoToTheDlqWithoutDetailsAndDoNotBlockThePartition(CapturedOutput logs) throws Exception {
		String caseId = UUID.randomUUID().toString();
		byte[] notJson = "I want to die {not json".getBytes(StandardCharsets.UTF_8);
		ObjectNode wrongSchema = (ObjectNode) json.valueToTree(Intakes.submitted(Intakes.routineForm()));
		((ObjectNode) wrongSchema.get("form").get("questionnaires")).putArray("phq9").add(9).add(9);
		((ObjectNode) wrongSchema.get("form").get("patient")).put("name", "Canary Patient");
		((ObjectNode) wrongSchema.get("form").get("answers")).put("concerns", "canary concern text");
		wrongSchema.put("caseId", caseId);
		byte[] invalid = json.writeValueAsBytes(wrongSchema);
		double dlqBefore = count("triage.dlq.records", "reason", "not-json") + count("triage.dlq.records", "reason", "schema");
		IntakeSubmitted good = Intakes.submitted(Intakes.routineForm());

		// Same key, so all three land on the same partition, in this order.
		kafka.send(Topics.INTAKE_SUBMISSIONS, caseId, notJson);
		kafka.send(Topics.INTAKE_SUBMISSIONS, caseId, invalid);
		kafka.send(Topics.INTAKE_SUBMISSIONS, caseId, json.writeValueAsBytes(withCaseId(good, caseId)));

		List<ConsumerRecord<byte[], byte[]>> dead = kafka.awaitRecords(DLQ, caseId, 2);
		assertThat(dead).hasSize(2);
		assertThat(dead.get(0).value()).isEqualTo(notJson);
		assertThat(dead.get(1).value()).isEqualTo(invalid);
		assertThat(header(dead.get(0), DeadLetterPublisher.FAILURE_REASON)).isEqualTo("not-json");
		assertThat(header(dead.get(1), DeadLetterPublisher.FAILURE_REASON)).startsWith("schema: ")
			.contains("/form/questionnaires/phq9");
		for (ConsumerRecord<byte[], byte[]> record : dead) {
			Set<String> names = StreamSupport.stream(record.headers().spliterator(), false)
				.map(Header::key)
				.collect(Collectors.toSet());
			assertThat(names).noneMatch(name -> name.contains("stacktrace") || name.contains("exception"));
			assertThat(names).contains("kafka_dlt-original-topic", "kafka_dlt-original-offset");
			String allHeaders = StreamSupport.stream(record.headers().spliterator(), false)
				.map(h -> new String(h.value(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("|"));
			assertThat(allHeaders).doesNotContainIgnoringCase("want to die").doesNotContainIgnoringCase("canary");
		}
		CaseTriaged decision = readDecision(json, kafka.awaitRecord(Topics.CASES_ROUTED, caseId));
		assertThat(decision.eventId()).isEqualTo(CaseDecision.eventIdFor(good.eventId()));
		// The failures were logged, but nothing of what the records said.
		assertThat(logs.getAll()).contains("Dead-lettered")
			.doesNotContainIgnoringCase("want to die")
			.doesNotContainIgnoringCase("canary")
			.doesNotContain("sleep badly");
		assertThat(count("triage.dlq.records", "reason", "not-json") + count("triage.dlq.records", "reason", "schema"))
			.isEqualTo(dlqBefore + 2);
	}

	/** What triage writes must satisfy the contract's own schema, like what it reads. */
	private static CaseTriaged readDecision(JsonMapper json, ConsumerRecord<byte[], byte[]> record) {
		String value = new String(record.value(), StandardCharsets.UTF_8);
		assertThat(CASE_TRIAGED_SCHEMA.validate(value, InputFormat.JSON)).as(value).isEmpty();
		return json.readValue(value, CaseTriaged.class);
	}

	private static JsonSchema caseTriagedSchema() {
		try (InputStream in = CaseTriaged.class.getResourceAsStream("/schemas/case-triaged.schema.json")) {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8),
						SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aPoisonRecordAsLargeAsKafkaAllowsStillFitsTheDlq() throws Exception {
		String caseId = UUID.randomUUID().toString();
		// Just under what the input topic accepts by default (1 MiB + 12 bytes for the whole batch),
		// so the DLQ's headers push the dead letter over that limit.
		byte[] huge = new byte[1024 * 1024 - 200];
		Arrays.fill(huge, (byte) '{');
		IntakeSubmitted good = Intakes.submitted(Intakes.routineForm());

		kafka.send(Topics.INTAKE_SUBMISSIONS, caseId, huge);
		kafka.send(Topics.INTAKE_SUBMISSIONS, caseId, json.writeValueAsBytes(withCaseId(good, caseId)));

		ConsumerRecord<byte[], byte[]> dead = kafka.awaitRecord(DLQ, caseId);
		assertThat(dead.value()).isEqualTo(huge);
		assertThat(header(dead, DeadLetterPublisher.FAILURE_REASON)).isEqualTo("not-json");
		kafka.awaitRecord(Topics.CASES_ROUTED, caseId);
	}

	private void submit(IntakeSubmitted intake) throws Exception {
		kafka.send(Topics.INTAKE_SUBMISSIONS, intake.caseId(), json.writeValueAsBytes(intake));
	}

	private static IntakeSubmitted withCaseId(IntakeSubmitted intake, String caseId) {
		return new IntakeSubmitted(intake.eventId(), caseId, intake.occurredAt(), intake.schemaVersion(),
				intake.receiptTokenHash(), intake.form());
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	/** The sum over every counter of that name carrying these tags. */
	private double count(String name, String... tags) {
		return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
	}

}
