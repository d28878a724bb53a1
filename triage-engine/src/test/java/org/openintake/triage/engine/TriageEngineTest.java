package org.openintake.triage.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.IntakeForm;
import org.openintake.events.Instrument;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.openintake.triage.engine.Forms.NO_RISK;
import static org.openintake.triage.engine.Forms.SAFE;
import static org.openintake.triage.engine.Forms.form;
import static org.openintake.triage.engine.Forms.gad7;
import static org.openintake.triage.engine.Forms.phq9;
import static org.openintake.triage.engine.Forms.treatment;

class TriageEngineTest {

	static final TriageEngine ENGINE = TriageEngine.loadDefault();

	@Test
	void routineIntakeIsScoredAndRoutedWithoutCrisis() {
		Assessment a = ENGINE.assess(form(phq9(12, 0), gad7(6), NO_RISK,
				"Low mood for months, I struggle to get out of bed and enjoy nothing.", null));
		assertThat(a.crisis()).isFalse();
		assertThat(a.riskLevel()).isEqualTo(RiskLevel.NONE);
		assertThat(a.flags()).isEmpty();
		assertThat(a.scores()).extracting(CaseTriaged.Score::instrument)
			.containsExactly(Instrument.PHQ9, Instrument.GAD7, Instrument.CSSRS);
		assertThat(a.track()).isEqualTo(Track.CBT);
		assertThat(a.secondaryTracks()).containsExactly(Track.MBSR);
		assertThat(a.rulesetVersion()).isEqualTo(ENGINE.rulesetVersion()).startsWith("routing-");
		assertThat(a.rationale()).anyMatch(s -> s.contains("CBT"));
	}

	@Test
	void theRationaleNamesRulesButNeverQuotesThePatient() {
		String text = "Ich habe in den letzten Wochen Schlaftabletten gesammelt. Lately I keep writing letters to each of "
				+ "my kids and sorting out who gets the dog.";
		Assessment a = ENGINE.assessText(text, "en");
		assertThat(a.crisis()).isTrue();
		assertThat(a.flags()).anyMatch(f -> f.ruleId().startsWith("frame.")).anyMatch(f -> f.ruleId().startsWith("second-opinion:"));
		assertThat(a.rationale()).anyMatch(line -> line.contains("frame.")).anyMatch(line -> line.contains("second-opinion:"));
		assertThat(String.join(" ", a.rationale())).doesNotContain("Schlaftabletten", "letters", "dog", "'");
	}

	@Test
	void phq9ItemNineAboveZeroAlwaysFlagsACrisis() {
		Assessment a = ENGINE.assess(form(phq9(6, 1), gad7(2), NO_RISK, "Work has been hard.", null));
		assertThat(a.crisis()).isTrue();
		assertThat(a.riskLevel()).isEqualTo(RiskLevel.MODERATE);
		assertThat(a.flags()).singleElement().satisfies(f -> {
			assertThat(f.source()).isEqualTo("phq9.9");
			assertThat(f.category()).isEqualTo(CrisisCategory.SUICIDAL_IDEATION_PASSIVE);
		});
	}

	@Test
	void cssrsPlanIsHighRiskCrisis() {
		var cssrs = new IntakeForm.Cssrs(true, true, true, false, true, false, null);
		Assessment a = ENGINE.assess(form(phq9(18, 2), gad7(12), cssrs, null, null));
		assertThat(a.crisis()).isTrue();
		assertThat(a.riskLevel()).isEqualTo(RiskLevel.HIGH);
		assertThat(a.flags()).extracting(CaseTriaged.Flag::source).contains("cssrs.plan", "cssrs.method", "phq9.9");
	}

	@Test
	void crisisWordsInAnyFreeTextFieldAreFlaggedWithTheirFieldAndOffsets() {
		String history = "Since my divorce. I have no plan, but I do think about killing myself.";
		IntakeForm f = form("en", "male", new IntakeForm.Questionnaires(phq9(14, 0), gad7(4), NO_RISK, null, null, null, null),
				new IntakeForm.Answers("Feeling low.", history, "Sleep better."), null);
		Assessment a = ENGINE.assess(f);
		assertThat(a.crisis()).isTrue();
		CaseTriaged.Flag flag = a.flags().get(0);
		assertThat(flag.source()).isEqualTo("answers.history");
		assertThat(history.substring(flag.start(), flag.end())).isEqualTo(flag.matchedText())
			.isEqualTo("think about killing myself");
		assertThat(flag.negated()).isFalse();
		assertThat(flag.language()).isEqualTo("en");
	}

	@Test
	void planAndTimingMakeItImminent() {
		Assessment a = ENGINE.assessText("I'm going to kill myself tonight, I have the pills ready.", "en");
		assertThat(a.crisis()).isTrue();
		assertThat(a.riskLevel()).isEqualTo(RiskLevel.IMMINENT);
		assertThat(a.flags()).extracting(CaseTriaged.Flag::category)
			.contains(CrisisCategory.SUICIDE_INTENT, CrisisCategory.SUICIDE_MEANS);
	}

	@Test
	void negatedHistoricalAndThirdPartyDoNotMakeACrisisButStayExplained() {
		Assessment negated = ENGINE.assessText("I don't want to die, I want my energy back.", "en");
		assertThat(negated.crisis()).isFalse();
		assertThat(negated.flags()).singleElement().satisfies(f -> assertThat(f.negated()).isTrue());
		assertThat(negated.rationale()).anyMatch(s -> s.contains("negated"));

		Assessment historical = ENGINE.assessText("I tried to kill myself when I was 15; I have been well for years.", "en");
		assertThat(historical.crisis()).isFalse();
		assertThat(historical.riskLevel()).isEqualTo(RiskLevel.MODERATE);
		assertThat(historical.flags()).allSatisfy(f -> assertThat(f.historical()).isTrue());

		Assessment other = ENGINE.assessText("My brother wants to die and I don't know how to help him.", "en");
		assertThat(other.crisis()).isFalse();
		assertThat(other.flags()).singleElement().satisfies(f -> assertThat(f.otherExperiencer()).isTrue());
	}

	@Test
	void historicalKeepsTheCrisisWhenSomethingIsCurrent() {
		Assessment a = ENGINE.assessText("I used to cut myself as a teenager. Lately I want to die.", "en");
		assertThat(a.crisis()).isTrue();
		assertThat(a.flags()).anySatisfy(f -> assertThat(f.historical()).isTrue());
	}

	@Test
	void hypotheticalsAndQuestionsNeverSuppress() {
		Assessment q = ENGINE.assessText("Should I just kill myself?", "en");
		assertThat(q.crisis()).isTrue();
		assertThat(q.flags().get(0).hypothetical()).isTrue();
		assertThat(ENGINE.assessText("If I lose this job I will kill myself.", "en").crisis()).isTrue();
	}

	@Test
	void idiomsAreNotCrises() {
		for (String s : List.of("The flat has a view to die for.", "I could kill for a coffee right now.",
				"I nearly died laughing at the film.", "I walk 5 kms to work.")) {
			assertThat(ENGINE.assessText(s, "en").crisis()).as(s).isFalse();
		}
	}

	@Test
	void obfuscationSlangAndMisspellingAreSeen() {
		for (String s : List.of("i want to k!ll myself", "k i l l m y s e l f", "honestly kms", "thinking about sewerslide",
				"i want to comit suicde", "i just want to diiiie", "i want to unalive myself")) {
			Assessment a = ENGINE.assessText(s, "en");
			assertThat(a.crisis()).as(s).isTrue();
			CaseTriaged.Flag flag = a.flags().get(0);
			assertThat(s.substring(flag.start(), flag.end())).isEqualTo(flag.matchedText());
		}
	}

	@Test
	void tmsNeedsAClearSafetyScreenOtherwisePsychiatry() {
		var trd = treatment(List.of(Track.TMS), 3, SAFE);
		Assessment clear = ENGINE.assess(form(phq9(16, 0), gad7(8), NO_RISK, "Nothing has worked.", trd));
		assertThat(clear.track()).isEqualTo(Track.TMS);

		var contraindicated = treatment(List.of(Track.TMS), 3, new IntakeForm.TmsSafety(false, false, true, false));
		Assessment psychiatry = ENGINE.assess(form(phq9(16, 0), gad7(8), NO_RISK, "Nothing has worked.", contraindicated));
		assertThat(psychiatry.track()).isEqualTo(Track.PSYCHIATRY);
		assertThat(psychiatry.secondaryTracks()).doesNotContain(Track.TMS);
		assertThat(psychiatry.rationale()).anyMatch(s -> s.contains("safety screen"));
	}

	@Test
	void badInputIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ENGINE.assess(null));
		assertThatIllegalArgumentException().isThrownBy(
				() -> ENGINE.assess(form(List.of(0, 0, 0), gad7(0), NO_RISK, null, null)))
			.withMessageContaining("PHQ-9");
		assertThatIllegalArgumentException().isThrownBy(() -> ENGINE.assessText(null, "en"));
	}

	@Test
	void thePlaygroundExplainsGermanFrenchAndItalianCrisesWithTheMatchedPhrase() {
		Assessment de = ENGINE.assessText("Ich mag so nicht mehr weiterleben, ich habe schon Tabletten gesammelt.", "de");
		assertThat(de.crisis()).isTrue();
		assertThat(de.flags()).anySatisfy(f -> {
			assertThat(f.matchedText()).isEqualTo("Ich mag so nicht mehr weiterleben");
			assertThat(f.ruleId()).isEqualTo("de.passive.sterben-wollen");
			assertThat(f.language()).isEqualTo("de");
		});
		assertThat(de.riskLevel()).isEqualTo(RiskLevel.IMMINENT);

		Assessment fr = ENGINE.assessText("Je pense à disparaître pour de bon.", "fr");
		assertThat(fr.crisis()).isTrue();
		assertThat(fr.flags()).singleElement().satisfies(f -> {
			assertThat(f.matchedText()).isEqualTo("Je pense à disparaître pour de bon");
			assertThat(f.ruleId()).startsWith("fr.");
		});
		assertThat(fr.rationale()).anyMatch(r -> r.contains("fr.passive.envie-de-mourir"));

		Assessment it = ENGINE.assessText("Non ce la faccio più a vivere così.", "it");
		assertThat(it.crisis()).isTrue();
		assertThat(it.flags()).singleElement().satisfies(f -> assertThat(f.matchedText()).isEqualTo("Non ce la faccio più a vivere così"));
	}

	@Test
	void theRationaleNeverQuotesThePatient() {
		Assessment a = ENGINE.assessText("I keep thinking I should just end it.", "en");
		assertThat(a.rationale()).noneMatch(r -> r.contains("just end it"));
	}

	@Test
	void oneEngineServesManyThreadsWithTheSameAnswers() throws Exception {
		List<String> texts = List.of("I want to die", "Ich will sterben", "me quiero morir ya", "je veux mourir", "voglio morire",
				"I walk 5 kms to work", "My brother wants to die", "no plan, but I do think about killing myself");
		List<Assessment> sequential = texts.stream().map(t -> ENGINE.assessText(t, "en")).toList();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 50; round++) {
				var futures = texts.stream().map(t -> pool.submit(() -> ENGINE.assessText(t, "en"))).toList();
				for (int i = 0; i < texts.size(); i++) {
					assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
