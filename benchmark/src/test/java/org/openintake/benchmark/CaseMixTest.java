package org.openintake.benchmark;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openintake.events.CaseTriaged;
import org.openintake.events.IntakeForm;
import org.openintake.events.Track;
import org.openintake.triage.engine.Assessment;
import org.openintake.triage.engine.TriageEngine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's mix is only realistic if the real triage engine routes it the way it claims. */
class CaseMixTest {

	private static final TriageEngine engine = TriageEngine.loadDefault();

	private final CaseMix mix = new CaseMix(42);

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyTemplateGetsTheTrackAndCrisisFlagItClaims() {
		for (PlannedCase planned : mix.templates()) {
			// assess the body as sent, not the record it was made from
			IntakeForm sent = json.readValue(planned.body(), IntakeForm.class);
			Assessment assessment = engine.assess(sent);
			assertThat(assessment.crisis()).as("crisis for %s %s", sent.locale(), sent.answers().concerns())
				.isEqualTo(planned.crisis());
			assertThat(assessment.track()).as("track for %s %s", sent.locale(), sent.answers().concerns())
				.isEqualTo(planned.expectedTrack());
		}
	}

	@Test
	void crisisFormsAreFlaggedByTheirWordsInTheirOwnLanguageNotOnlyByTheQuestionnaire() {
		for (PlannedCase planned : mix.templates()) {
			if (!planned.crisis()) {
				continue;
			}
			IntakeForm sent = json.readValue(planned.body(), IntakeForm.class);
			List<CaseTriaged.Flag> current = engine.assess(sent)
				.flags()
				.stream()
				.filter(flag -> "answers.concerns".equals(flag.source()))
				.filter(flag -> !flag.negated() && !flag.historical() && !flag.otherExperiencer())
				.toList();
			assertThat(current).as("current free-text crisis flags in %s", sent.answers().concerns())
				.isNotEmpty()
				.allSatisfy(flag -> assertThat(flag.language()).isEqualTo(sent.locale()));
		}
	}

	@Test
	void bodiesCarryTheDateOfBirthAsTheApiWantsIt() {
		JsonNode body = json.readTree(mix.templates().get(0).body());
		assertThat(body.get("patient").get("dateOfBirth").asString()).isEqualTo("1990-01-31");
		assertThat(body.get("consent").get("processing").asBoolean()).isTrue();
	}

	@Test
	void theMixHasAboutFivePercentCrisisEveryTrackAndEveryLanguage() {
		int crisis = 0;
		int draws = 20_000;
		Set<Track> tracks = EnumSet.noneOf(Track.class);
		Set<String> locales = new HashSet<>();
		Set<String> crisisLocales = new HashSet<>();
		for (int i = 0; i < draws; i++) {
			PlannedCase next = mix.next();
			locales.add(next.form().locale());
			if (next.crisis()) {
				crisis++;
				crisisLocales.add(next.form().locale());
			}
			else {
				tracks.add(next.expectedTrack());
			}
		}
		assertThat(crisis / (double) draws).isBetween(0.04, 0.06);
		assertThat(tracks).containsExactlyInAnyOrder(Track.values());
		assertThat(locales).containsExactlyInAnyOrderElementsOf(IntakeTemplates.LOCALES);
		assertThat(crisisLocales).containsExactlyInAnyOrderElementsOf(IntakeTemplates.LOCALES);
	}

	@Test
	void theSameSeedSendsTheSameSequence() {
		CaseMix one = new CaseMix(7);
		CaseMix two = new CaseMix(7);
		for (int i = 0; i < 1000; i++) {
			assertThat(one.next().body()).isEqualTo(two.next().body());
		}
	}

}
