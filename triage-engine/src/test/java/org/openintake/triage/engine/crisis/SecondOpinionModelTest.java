package org.openintake.triage.engine.crisis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The second opinion: its committed weights are what the development data trains, and what staff
 * rely on when it speaks: it names the patient's words that weighed, it obeys the context rules, it
 * only fills silence, and a broken weights file stops the load.
 */
class SecondOpinionModelTest {

	static CrisisDetector detector;

	@BeforeAll
	static void load() {
		detector = CrisisDetector.loadDefault();
	}

	@Test
	void committedWeightsAreWhatTheDevelopmentDataTrains() throws IOException {
		SecondOpinionTraining.Trained trained = SecondOpinionTraining.train(SecondOpinionTraining.statements());
		System.out.println(trained.report());
		if (Boolean.getBoolean("second-opinion.write")) {
			Files.writeString(Path.of(SecondOpinionTraining.OUTPUT), trained.file(), StandardCharsets.UTF_8);
		}
		SecondOpinion committed = SecondOpinion.parse(Files.readString(Path.of(SecondOpinionTraining.OUTPUT)));
		SecondOpinion fresh = SecondOpinion.parse(trained.file());
		assertThat(committed.version()).as("training data changed: retrain with -Dsecond-opinion.write=true")
			.isEqualTo(fresh.version());
		assertThat(committed.threshold()).isEqualTo(fresh.threshold());
		Map<String, double[]> freshWeights = fresh.weightsView();
		assertThat(committed.weightsView().keySet()).isEqualTo(freshWeights.keySet());
		committed.weightsView().forEach((feature, w) -> {
			double[] f = freshWeights.get(feature);
			for (int i = 0; i < w.length; i++) {
				assertThat(w[i]).as(feature).isCloseTo(f[i], within(0.002));
			}
		});
	}

	@Test
	void aFlagNamesThePatientsWordsThatWeighedAndTheirWeights() {
		String text = "Lately I keep writing letters to each of my kids and sorting out who gets the dog.";
		List<CrisisFinding> opinions = opinions(text);
		assertThat(opinions).hasSize(1);
		CrisisFinding f = opinions.get(0);
		assertThat(f.counts()).isTrue();
		assertThat(f.flag().ruleId()).matches("second-opinion:[01]\\.\\d\\d@en\\[.*\\]");
		assertThat(f.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(SecondOpinion.EVIDENCE_WORDS);
		for (SlotFiller e : f.evidence()) {
			assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
			assertThat(Double.parseDouble(e.slot())).isPositive();
		}
	}

	@Test
	void theContextRulesReadItLikeAnyFlag() {
		assertThat(opinions("Lately I keep writing letters to each of my kids and sorting out who gets the dog.")).isNotEmpty();
		assertThat(detector.detect("Years ago, after the divorce, I kept writing letters to each of my kids and sorting out "
				+ "who gets the dog, but that is long behind me.", "text", "en").findings()).noneMatch(CrisisFinding::counts);
		assertThat(detector.detect("My neighbour keeps writing letters to each of his kids and sorting out who gets the dog.",
				"text", "en").findings()).noneMatch(CrisisFinding::counts);
	}

	@Test
	void itOnlySpeaksWhereTheRulesFoundNothingCurrent() {
		List<CrisisFinding> findings = detector.detect("I want to kill myself and I have written goodbye letters to my kids.",
				"text", "en").findings();
		assertThat(findings).anyMatch(f -> f.counts() && !f.flag().ruleId().startsWith("second-opinion"));
		assertThat(findings).noneMatch(f -> f.flag().ruleId().startsWith("second-opinion"));
	}

	@Test
	void shortOrdinaryAnswersRaiseNothing() {
		// what patients write in the goals and history fields; the local stack's routine intakes use them
		for (String answer : List.of("Sleep again.", "Feel like myself again.", "None.", "Two episodes before.",
				"Low mood and poor sleep since the winter.", "Low mood for months.", "Sleep again. Two episodes before.")) {
			assertThat(detector.detect(answer, "text", "en").findings()).as(answer).noneMatch(CrisisFinding::counts);
		}
	}

	@Test
	void everydayTextRaisesNothing() {
		assertThat(detector.detect("I have been feeling low since the winter started. Work is stressful and I sleep badly. "
				+ "I would like to try CBT or mindfulness, and I am curious about TMS.", "text", "en").findings()).isEmpty();
	}

	@Test
	void aBrokenWeightsFileFailsTheLoadNamingTheLine() {
		assertThatThrownBy(() -> SecondOpinion.parse("version\tx\nthreshold\t0.9\ncategories\tSELF_HARM\nbias\t0\t0\nw:rope\t0.5\n"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("second-opinion.tsv:5")
			.hasMessageContaining("columns");
		assertThatThrownBy(() -> SecondOpinion.parse("version\tx\nthreshold\t1.5\ncategories\tSELF_HARM\nbias\t0\t0\n"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("threshold");
		assertThatThrownBy(() -> SecondOpinion.parse("version\tx\nthreshold\t0.9\ncategories\tSADNESS\nbias\t0\t0\n"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("second-opinion.tsv:3");
	}

	private static List<CrisisFinding> opinions(String text) {
		return detector.detect(text, "text", "en").findings().stream()
			.filter(f -> f.flag().ruleId().startsWith("second-opinion"))
			.toList();
	}

}
