package org.openintake.triage.playground;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.openintake.events.CaseTriaged;
import org.openintake.events.Instrument;
import org.openintake.events.Topics;
import org.openintake.triage.Intakes;
import org.openintake.triage.engine.Assessment;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinical safety officer's playground, switched on: it explains what the rules make of a
 * statement in any of the five languages, or of a whole form, and refuses bad input clearly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "triage.playground.enabled=true", "management.server.port=0",
				"spring.cloud.stream.bindings.triage-in-0.consumer.auto-startup=false" })
@AutoConfigureWebTestClient
class AssessmentPlaygroundTest {

	@Autowired
	WebTestClient http;

	@Test
	void explainsAGermanCrisisSentenceWithTheMatchedPhrase() {
		assertExplainsCrisis("Ich mag so nicht mehr weiterleben.", "de");
	}

	@Test
	void explainsAFrenchCrisisSentenceWithTheMatchedPhrase() {
		assertExplainsCrisis("Depuis des semaines je pense à disparaître pour de bon.", "fr");
	}

	@Test
	void explainsAnItalianCrisisSentenceWithTheMatchedPhrase() {
		assertExplainsCrisis("Non ce la faccio più a vivere così.", "it");
	}

	@Test
	void explainsAnEnglishCrisisSentenceWithTheMatchedPhrase() {
		assertExplainsCrisis("Honestly I keep thinking I should just kill myself.", "en");
	}

	@Test
	void explainsFrameBasedFlagsSlotBySlotInGermanFrenchAndItalian() {
		assertExplainsFrame("Ich habe in den letzten Wochen Schlaftabletten gesammelt, für den Fall der Fälle.", "de");
		assertExplainsFrame("Depuis un mois je mets de côté les somnifères qu'on me prescrit.", "fr");
		assertExplainsFrame("Ho messo da parte tutte le pastiglie di mia madre, sono pronte.", "it");
	}

	/** A flag raised by a concept frame names the frame and every slot with its words and offsets. */
	private void assertExplainsFrame(String text, String locale) {
		assertExplains(text, locale, "frame.",
				"^frame\\.[a-z-]+@" + locale + "\\[[A-Z_]+='[^']+'@\\d+-\\d+(, ?[A-Z_]+='[^']+'@\\d+-\\d+)+\\]$");
	}

	@Test
	void explainsSecondOpinionFlagsWordByWordInGermanFrenchAndItalian() {
		assertExplainsSecondOpinion("Ich habe mir die Talbrücke an der Autobahn bei uns ausgesucht, um vier Uhr morgens ist dort "
				+ "niemand, der mich aufhält.", "de");
		assertExplainsSecondOpinion("J'ai repéré le pont au-dessus de l'autoroute, je sais à quelle heure il n'y a personne.", "fr");
		assertExplainsSecondOpinion("Ho studiato gli orari del traghetto, mi butto a metà traversata quando sono tutti al bar.", "it");
	}

	/**
	 * A flag raised by the second opinion (where the rules found nothing) names its probability and
	 * each word that weighed, with its weight and offsets.
	 */
	private void assertExplainsSecondOpinion(String text, String locale) {
		assertExplains(text, locale, "second-opinion:",
				"^second-opinion:[01]\\.\\d\\d@" + locale + "\\[\\+\\d\\.\\d\\d='.+'@\\d+-\\d+.*\\]$");
	}

	/**
	 * The text is a crisis with a flag whose rule id starts with {@code rule} and matches
	 * {@code pattern}, quotes the patient's words at its offsets, and the rationale names the rule
	 * without quoting them.
	 */
	private void assertExplains(String text, String locale, String rule, String pattern) {
		Assessment assessment = assess(Map.of("text", text, "locale", locale));
		assertThat(assessment.crisis()).as(text).isTrue();
		CaseTriaged.Flag flag = assessment.flags()
			.stream()
			.filter(f -> f.ruleId().startsWith(rule))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + rule + " flag for: " + text + " in " + assessment.flags()));
		assertThat(flag.ruleId()).as(flag.ruleId()).containsPattern(pattern);
		assertThat(text.substring(flag.start(), flag.end())).isEqualTo(flag.matchedText());
		assertThat(assessment.rationale()).anyMatch(line -> line.contains(rule))
			.noneMatch(line -> line.contains(flag.matchedText()));
	}

	@Test
	void aBenignSentenceRaisesNoCrisis() {
		Assessment assessment = assess(Map.of("text", "I sleep badly and would like to try mindfulness.", "locale", "en"));
		assertThat(assessment.crisis()).isFalse();
		assertThat(assessment.flags()).noneMatch(flag -> !flag.negated() && !flag.otherExperiencer());
	}

	@Test
	void explainsAWholeFormWithScoresTrackAndRationale() {
		Assessment assessment = assess(Intakes.routineForm());
		assertThat(assessment.crisis()).isFalse();
		assertThat(assessment.scores()).extracting(CaseTriaged.Score::instrument).contains(Instrument.PHQ9, Instrument.GAD7);
		assertThat(assessment.track()).isNotNull();
		assertThat(assessment.rationale()).isNotEmpty();
		assertThat(assessment.rulesetVersion()).isNotBlank();
	}

	@Test
	void storesAndPublishesNothing() {
		Map<TopicPartition, Long> before = endOffsets();
		assess(Intakes.crisisForm());
		assess(Map.of("text", "I want to kill myself tonight.", "locale", "en"));
		assertThat(endOffsets()).isEqualTo(before);
	}

	@Test
	void refusesABodyThatIsNotJson() {
		http.post().uri("/api/triage/assessments").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": ")
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("body");
	}

	@Test
	void refusesAnUnknownLocaleAndAnEmptyTextNamingBothFields() {
		http.post().uri("/api/triage/assessments").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", " ", "locale", "xx"))
			.exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("locale", "text"))
			.jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("xx"));
	}

	@Test
	void refusesAnInvalidFormNamingTheField() {
		var routine = Intakes.routineForm();
		var questionnaires = routine.questionnaires();
		var badForm = new org.openintake.events.IntakeForm(routine.locale(), routine.country(), routine.patient(),
				routine.consent(),
				new org.openintake.events.IntakeForm.Questionnaires(List.of(1, 1, 1), questionnaires.gad7(),
						questionnaires.cssrs(), null, null, null, null),
				routine.answers(), routine.treatment());
		http.post().uri("/api/triage/assessments").contentType(MediaType.APPLICATION_JSON).bodyValue(badForm)
			.exchange()
			.expectStatus().isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("questionnaires.phq9");
	}

	@Test
	void refusesAnOversizedBody() {
		http.post().uri("/api/triage/assessments").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "a".repeat(AssessmentPlaygroundController.MAX_BODY_BYTES), "locale", "en"))
			.exchange()
			.expectStatus().isEqualTo(413)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesAnotherContentType() {
		http.post().uri("/api/triage/assessments").contentType(MediaType.TEXT_PLAIN).bodyValue("kill myself")
			.exchange()
			.expectStatus().isEqualTo(415);
	}

	private void assertExplainsCrisis(String text, String locale) {
		Assessment assessment = assess(Map.of("text", text, "locale", locale));
		assertThat(assessment.crisis()).as(text).isTrue();
		assertThat(assessment.riskLevel()).isNotNull();
		assertThat(assessment.rulesetVersion()).isNotBlank();
		assertThat(assessment.flags()).as(text).anySatisfy(flag -> {
			assertThat(flag.negated()).isFalse();
			assertThat(flag.ruleId()).isNotBlank();
			assertThat(flag.category()).isNotNull();
			assertThat(flag.matchedText()).isNotBlank();
			// The evidence points back into what was typed.
			assertThat(text.substring(flag.start(), flag.end())).isEqualTo(flag.matchedText());
		});
	}

	private Assessment assess(Object body) {
		return http.post().uri("/api/triage/assessments").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(Assessment.class)
			.returnResult()
			.getResponseBody();
	}

	private static Map<TopicPartition, Long> endOffsets() {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
						System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS)),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = List.of(Topics.CASES_CRISIS, Topics.CASES_ROUTED)
				.stream()
				.flatMap(topic -> consumer.partitionsFor(topic).stream()
					.map(info -> new TopicPartition(topic, info.partition())))
				.collect(Collectors.toList());
			return consumer.endOffsets(partitions);
		}
	}

}
