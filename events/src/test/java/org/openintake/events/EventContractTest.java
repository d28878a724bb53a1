package org.openintake.events;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event record round-trips through its JSON Schema: what a writer serialises is valid, and
 * what the schema accepts deserialises back to the same record.
 */
class EventContractTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	static IntakeForm fullForm() {
		return new IntakeForm("de", "DE",
				new IntakeForm.Patient("Ada Muster", "ada@example.org", "+49 30 1234567", LocalDate.of(1990, 1, 31),
						"female", "phone"),
				new IntakeForm.Consent(true, true),
				new IntakeForm.Questionnaires(List.of(1, 2, 1, 2, 1, 1, 1, 0, 0), List.of(1, 1, 2, 1, 0, 1, 1),
						new IntakeForm.Cssrs(false, false, null, null, null, false, null), List.of(1, 0, 0),
						List.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 0), List.of(0, 1, 0, 0, 0), List.of(1, 2, 3, 0, 1, 2)),
				new IntakeForm.Answers("Ich schlafe schlecht.", "Seit zwei Jahren.", "Wieder arbeiten."),
				new IntakeForm.Treatment(List.of(Track.TMS, Track.CBT), 2, List.of("CBT", "sertraline"),
						new IntakeForm.TmsSafety(false, false, false, false)));
	}

	static IntakeSubmitted intakeSubmitted() {
		return new IntakeSubmitted(UUID.randomUUID(), "0193a4f2-7c1e-7abc-8def-0123456789ab",
				Instant.parse("2026-11-21T10:15:30.123Z"), IntakeSubmitted.SCHEMA_VERSION, "a".repeat(64), fullForm());
	}

	static CaseTriaged caseTriaged() {
		return new CaseTriaged(UUID.randomUUID(), "0193a4f2-7c1e-7abc-8def-0123456789ab",
				Instant.parse("2026-11-21T10:15:30.456Z"), CaseTriaged.SCHEMA_VERSION,
				Instant.parse("2026-11-21T10:15:30.123Z"), true, RiskLevel.HIGH,
				List.of(new CaseTriaged.Flag(CrisisCategory.SUICIDAL_IDEATION_ACTIVE, "answers.concerns", "kill myself",
						12, 23, "en", false, false, false, false, "en.si.kill-myself")),
				List.of(new CaseTriaged.Score(Instrument.PHQ9, 9, "mild", false),
						new CaseTriaged.Score(Instrument.GAD7, 7, "mild", false)),
				Track.CBT, List.of(Track.MBSR), List.of("PHQ-9 of 9 is mild."), "routing-1",
				new CaseTriaged.Contact("Ada", "ada@example.org", null, "email", "en", "GB", true, "b".repeat(64)));
	}

	@Test
	void intakeSubmittedRoundTripsThroughItsSchema() {
		roundTrip(intakeSubmitted(), IntakeSubmitted.class, "intake-submitted");
	}

	@Test
	void caseTriagedRoundTripsThroughItsSchema() {
		roundTrip(caseTriaged(), CaseTriaged.class, "case-triaged");
	}

	@Test
	void caseActivityRoundTripsThroughItsSchema() {
		roundTrip(new CaseActivity(UUID.randomUUID(), "c1", Instant.parse("2026-11-21T10:25:30Z"),
				CaseActivity.SCHEMA_VERSION, CaseActivity.Type.CRISIS_ACKNOWLEDGEMENT_OVERDUE, CaseActivity.SYSTEM,
				RiskLevel.IMMINENT, true, Track.PSYCHIATRY, CaseActivity.CaseStatus.NEW, null, null, null, 2,
				Instant.parse("2026-11-21T10:25:00Z")), CaseActivity.class, "case-activity");
		roundTrip(new CaseActivity(UUID.randomUUID(), "c1", Instant.parse("2026-11-21T11:00:00Z"),
				CaseActivity.SCHEMA_VERSION, CaseActivity.Type.STATUS_CHANGED, "staff-sub-42", RiskLevel.NONE, false,
				Track.CBT, CaseActivity.CaseStatus.CONTACTED, CaseActivity.CaseStatus.NEW, Track.TMS, "staff-sub-42", 0,
				null), CaseActivity.class, "case-activity");
	}

	@Test
	void aFormWithOnlyTheAlwaysAskedParts() {
		IntakeForm minimal = new IntakeForm("en", "GB", new IntakeForm.Patient("Ada", null, null, null, null, null),
				new IntakeForm.Consent(true, false),
				new IntakeForm.Questionnaires(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(0, 0, 0, 0, 0, 0, 0),
						new IntakeForm.Cssrs(false, false, null, null, null, false, null), null, null, null, null),
				null, null);
		assertThat(validator.validate(minimal)).isEmpty();
		roundTrip(new IntakeSubmitted(UUID.randomUUID(), "c1", Instant.now(), 1, "c".repeat(64), minimal),
				IntakeSubmitted.class, "intake-submitted");
	}

	@Test
	void readersTolerateUnknownFields() {
		CaseTriaged original = caseTriaged();
		ObjectNode tree = json.valueToTree(original);
		tree.put("addedInALaterMinorVersion", "ignored");
		((ObjectNode) tree.get("contact")).put("pager", "ignored");
		assertThat(schema("case-triaged").validate(tree.toString(), InputFormat.JSON)).isEmpty();
		assertThat(json.treeToValue(tree, CaseTriaged.class)).isEqualTo(original);
	}

	@Test
	void theTolerantReaderTakesAFlagCategoryItDoesNotKnowAsNull() {
		ObjectNode tree = json.valueToTree(caseTriaged());
		((ObjectNode) tree.get("flags").get(0)).put("category", "A_CATEGORY_ADDED_LATER");
		tree.put("addedLater", true);
		CaseTriaged read = EventJson.tolerant(json).treeToValue(tree, CaseTriaged.class);
		assertThat(read.flags()).singleElement().satisfies(flag -> assertThat(flag.category()).isNull());
		assertThat(read.crisis()).isTrue();
	}

	@Test
	void schemaAndBeanValidationAgreeOnBadForms() {
		IntakeForm good = fullForm();
		IntakeForm eightItems = new IntakeForm(good.locale(), good.country(), good.patient(), good.consent(),
				new IntakeForm.Questionnaires(List.of(1, 2, 1, 2, 1, 1, 1, 0), good.questionnaires().gad7(),
						good.questionnaires().cssrs(), null, null, null, null),
				good.answers(), good.treatment());
		IntakeForm itemOutOfRange = new IntakeForm(good.locale(), good.country(), good.patient(), good.consent(),
				new IntakeForm.Questionnaires(List.of(1, 2, 1, 2, 1, 1, 1, 0, 4), good.questionnaires().gad7(),
						good.questionnaires().cssrs(), null, null, null, null),
				good.answers(), good.treatment());
		IntakeForm noConsent = new IntakeForm(good.locale(), good.country(), good.patient(),
				new IntakeForm.Consent(false, true), good.questionnaires(), good.answers(), good.treatment());
		IntakeForm unknownLocale = new IntakeForm("nl", good.country(), good.patient(), good.consent(),
				good.questionnaires(), good.answers(), good.treatment());
		IntakeForm hugeText = new IntakeForm(good.locale(), good.country(), good.patient(), good.consent(),
				good.questionnaires(), new IntakeForm.Answers("x".repeat(IntakeForm.MAX_TEXT + 1), null, null),
				good.treatment());

		// ideographic, no-break and zero-width spaces: blank to a reader, not to @NotBlank
		IntakeForm unicodeBlankName = new IntakeForm(good.locale(), good.country(),
				new IntakeForm.Patient("\u3000\u00a0\u200b", null, "+49 30 1234567", null, null, "phone"), good.consent(),
				good.questionnaires(), good.answers(), good.treatment());
		IntakeForm unicodeBlankTreatment = new IntakeForm(good.locale(), good.country(), good.patient(), good.consent(),
				good.questionnaires(), good.answers(), new IntakeForm.Treatment(good.treatment().interests(),
						good.treatment().antidepressantTrials(), List.of("CBT", "\u2003\u200b"), good.treatment().tmsSafety()));

		for (IntakeForm bad : List.of(eightItems, itemOutOfRange, noConsent, unknownLocale, hugeText, unicodeBlankName,
				unicodeBlankTreatment)) {
			assertThat(validator.validate(bad)).as("bean validation of %s", bad).isNotEmpty();
			IntakeSubmitted event = new IntakeSubmitted(UUID.randomUUID(), "c1", Instant.now(), 1, "c".repeat(64), bad);
			assertThat(schema("intake-submitted").validate(json.writeValueAsString(event), InputFormat.JSON))
				.as("schema validation of %s", bad)
				.isNotEmpty();
		}
		assertThat(validator.validate(good)).isEmpty();
	}

	@Test
	void dlqTopicNames() {
		assertThat(Topics.dlq(Topics.CASES_CRISIS)).isEqualTo("cases-crisis.dlq");
	}

	private static <T> void roundTrip(T event, Class<T> type, String schemaName) {
		String written = json.writeValueAsString(event);
		Set<ValidationMessage> errors = schema(schemaName).validate(written, InputFormat.JSON);
		assertThat(errors).as(written).isEmpty();
		assertThat(json.readValue(written, type)).isEqualTo(event);
		assertThat(written).contains("\"occurredAt\":\"2026-").doesNotContain("\"occurredAt\":1");
	}

	private static JsonSchema schema(String name) {
		try (InputStream in = EventContractTest.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
			SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), config);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
