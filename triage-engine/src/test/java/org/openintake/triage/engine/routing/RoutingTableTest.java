package org.openintake.triage.engine.routing;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openintake.events.Track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RoutingTableTest {

	static final Set<String> TOPICS = Set.of("substance", "ocd", "psychosis", "bipolar", "medication", "insomnia", "stress",
			"trauma", "adhd");

	static final RoutingTable TABLE = RoutingTable.loadDefault(TOPICS);

	static RoutingFacts facts(Integer phq9, Integer gad7, int trials, RoutingFacts.TmsScreen screen, Set<Track> interests,
			Set<String> topics) {
		return new RoutingFacts(phq9, gad7, false, false, false, false, trials, screen, interests, topics, false, false, true);
	}

	@Test
	void theTableIsVersioned() {
		assertThat(TABLE.version()).startsWith("routing-");
	}

	@Test
	void treatmentResistantDepressionWithAClearScreenGoesToTms() {
		Routing r = TABLE.route(facts(15, 8, 2, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of()));
		assertThat(r.track()).isEqualTo(Track.TMS);
		assertThat(r.firedRules()).containsExactly("tms-treatment-resistant-depression", "cbt-moderate-depression-anxiety",
				"mbsr-mild-or-stress");
		assertThat(r.secondaryTracks()).containsExactly(Track.CBT, Track.MBSR);
		assertThat(r.rationale()).hasSameSizeAs(r.firedRules());
	}

	@Test
	void oneAntidepressantTrialIsNotTreatmentResistant() {
		assertThat(TABLE.route(facts(15, 3, 1, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of())).track()).isEqualTo(Track.CBT);
	}

	@Test
	void tmsIsNeverSuggestedWithoutAClearSafetyScreen() {
		Routing contraindicated = TABLE.route(facts(15, 3, 3, RoutingFacts.TmsScreen.CONTRAINDICATED, Set.of(Track.TMS), Set.of()));
		assertThat(contraindicated.track()).isEqualTo(Track.PSYCHIATRY);
		assertThat(contraindicated.firedRules()).first().isEqualTo("tms-contraindicated");
		assertThat(contraindicated.secondaryTracks()).doesNotContain(Track.TMS);

		Routing incomplete = TABLE.route(facts(15, 3, 3, RoutingFacts.TmsScreen.INCOMPLETE, Set.of(Track.TMS), Set.of()));
		assertThat(incomplete.track()).isEqualTo(Track.PSYCHIATRY);
		assertThat(incomplete.secondaryTracks()).doesNotContain(Track.TMS);
	}

	@Test
	void severeDepressionGoesToPsychiatryFirst() {
		Routing r = TABLE.route(facts(22, 5, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of()));
		assertThat(r.track()).isEqualTo(Track.PSYCHIATRY);
		assertThat(r.firedRules()).first().isEqualTo("psychiatry-severe-depression");
	}

	@Test
	void substanceUseGoesToAddiction() {
		RoutingFacts auditC = new RoutingFacts(3, 2, true, false, false, false, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(),
				Set.of(), false, false, false);
		assertThat(TABLE.route(auditC).track()).isEqualTo(Track.ADDICTION);
		assertThat(TABLE.route(facts(3, 2, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of("substance"))).track())
			.isEqualTo(Track.ADDICTION);
	}

	@Test
	void bandsPickCbtMbsrOrNeurofeedback() {
		assertThat(TABLE.route(facts(4, 12, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of())).track()).isEqualTo(Track.CBT);
		assertThat(TABLE.route(facts(19, 2, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of())).track()).isEqualTo(Track.CBT);
		assertThat(TABLE.route(facts(6, 2, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of())).track()).isEqualTo(Track.MBSR);
		assertThat(TABLE.route(facts(9, 4, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of())).track()).isEqualTo(Track.MBSR);
		assertThat(TABLE.route(facts(2, 7, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(Track.NEUROFEEDBACK), Set.of())).track())
			.isEqualTo(Track.NEUROFEEDBACK);
		RoutingFacts adhd = new RoutingFacts(2, 2, false, false, false, true, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of(),
				false, false, false);
		assertThat(TABLE.route(adhd).track()).isEqualTo(Track.NEUROFEEDBACK);
	}

	@Test
	void nothingSpecificIsAGeneralAssessmentAndOnlyThen() {
		Routing r = TABLE.route(facts(2, 2, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of()));
		assertThat(r.track()).isEqualTo(Track.GENERAL_ASSESSMENT);
		assertThat(r.firedRules()).containsExactly("general-assessment");
		assertThat(TABLE.route(facts(12, 2, 0, RoutingFacts.TmsScreen.CLEAR, Set.of(), Set.of())).firedRules())
			.doesNotContain("general-assessment");
	}

	@Test
	void unansweredQuestionnairesSatisfyNoComparison() {
		Routing r = TABLE.route(facts(null, null, 0, RoutingFacts.TmsScreen.INCOMPLETE, Set.of(), Set.of()));
		assertThat(r.track()).isEqualTo(Track.GENERAL_ASSESSMENT);
	}

	@Test
	void aMalformedTableFailsTheLoadNamingTheRule() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RoutingTable.load("org/openintake/triage/engine/routing/bad-fact.yaml", TOPICS))
			.withMessageContaining("rule typo").withMessageContaining("phq10");
		assertThatIllegalStateException()
			.isThrownBy(() -> RoutingTable.load("org/openintake/triage/engine/routing/bad-topic.yaml", TOPICS))
			.withMessageContaining("rule unknown-topic").withMessageContaining("gambling");
		assertThatIllegalStateException()
			.isThrownBy(() -> RoutingTable.load("org/openintake/triage/engine/routing/no-fallback.yaml", TOPICS))
			.withMessageContaining("otherwise");
	}

}
