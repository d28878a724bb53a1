package org.openintake.triage.stream;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.openintake.events.IntakeForm;
import org.openintake.events.IntakeSubmitted;
import org.openintake.triage.Intakes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What counts as a poison record, and that its reason names the place and the rule but never the
 * value (values are health data and the reason becomes a DLQ header and a log line).
 */
class IntakeReaderTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final IntakeReader reader = new IntakeReader(json,
			Validation.buildDefaultValidatorFactory().getValidator());

	@Test
	void readsAValidIntake() {
		IntakeSubmitted intake = Intakes.submitted(Intakes.routineForm());
		assertThat(reader.read(json.writeValueAsBytes(intake))).isEqualTo(intake);
	}

	@Test
	void toleratesUnknownFields() {
		ObjectNode tree = tree(Intakes.submitted(Intakes.routineForm()));
		tree.put("addedInAMinorVersion", "fine");
		assertThat(reader.read(json.writeValueAsBytes(tree)).caseId()).isEqualTo(tree.get("caseId").asString());
	}

	@Test
	void refusesWhatIsNotAJsonObject() {
		assertThat(reason("I want to die".getBytes(StandardCharsets.UTF_8))).isEqualTo("not-json");
		assertThat(reason("[1, 2, 3]".getBytes(StandardCharsets.UTF_8))).isEqualTo("not-json");
		assertThat(reason(new byte[0])).isEqualTo("not-json");
		assertThat(reason(new byte[] { (byte) 0xC3, (byte) 0x28, '{', '}' })).isEqualTo("not-json");
		byte[] trailing = (new String(json.writeValueAsBytes(Intakes.submitted(Intakes.routineForm())),
				StandardCharsets.UTF_8) + " kill myself").getBytes(StandardCharsets.UTF_8);
		assertThat(reason(trailing)).isEqualTo("not-json");
	}

	@Test
	void refusesAnotherSchemaVersionOrMissingIdentity() {
		ObjectNode v2 = tree(Intakes.submitted(Intakes.routineForm()));
		v2.put("schemaVersion", 2);
		assertThat(reason(json.writeValueAsBytes(v2))).startsWith("schema: ").contains("/schemaVersion");

		ObjectNode noEventId = tree(Intakes.submitted(Intakes.routineForm()));
		noEventId.remove("eventId");
		assertThat(reason(json.writeValueAsBytes(noEventId))).startsWith("schema: ").contains("eventId");
	}

	@Test
	void refusesAnswersOutOfRangeWithoutQuotingThem() {
		ObjectNode tree = tree(Intakes.submitted(Intakes.routineForm()));
		((ObjectNode) tree.get("form").get("questionnaires")).putArray("gad7").add(77).add(0).add(0).add(0).add(0).add(0).add(0);
		String reason = reason(json.writeValueAsBytes(tree));
		assertThat(reason).startsWith("schema: ").contains("/form/questionnaires/gad7/0").doesNotContain("77");
	}

	@Test
	void refusesWhatOnlyTheFormsConstraintsCatch() {
		IntakeForm routine = Intakes.routineForm();
		IntakeForm.Patient patient = routine.patient();
		IntakeForm form = new IntakeForm(routine.locale(), routine.country(),
				new IntakeForm.Patient(patient.name(), "secret-address-without-at", patient.phone(),
						LocalDate.now().plusYears(1), patient.sex(), patient.preferredContact()),
				routine.consent(), routine.questionnaires(), routine.answers(), routine.treatment());
		String reason = reason(json.writeValueAsBytes(Intakes.submitted(form)));
		assertThat(reason).startsWith("invalid: ")
			.contains("form.patient.email Email", "form.patient.dateOfBirth Past")
			.doesNotContain("secret-address");
	}

	@Test
	void aReasonIsShortEvenWhenEverythingIsWrong() {
		ObjectNode tree = tree(Intakes.submitted(Intakes.routineForm()));
		var phq9 = ((ObjectNode) tree.get("form").get("questionnaires")).putArray("phq9");
		for (int i = 0; i < 40; i++) {
			phq9.add(99);
		}
		assertThat(reason(json.writeValueAsBytes(tree)).length()).isLessThanOrEqualTo(300);
	}

	private ObjectNode tree(IntakeSubmitted intake) {
		return (ObjectNode) json.valueToTree(intake);
	}

	private String reason(byte[] value) {
		PoisonRecord poison = catchThrowableOfType(PoisonRecord.class, () -> reader.read(value));
		assertThat(poison).as("refused as poison").isNotNull();
		assertThat(poison.getCause()).isNull();
		assertThat(poison.getStackTrace()).isEmpty();
		return poison.getMessage();
	}

}
