package org.openintake.triage.stream;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openintake.events.IntakeSubmitted;
import org.openintake.events.RiskLevel;
import org.openintake.events.Topics;
import org.openintake.triage.Intakes;
import org.openintake.triage.engine.TriageEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A valid intake the engine fails on must still reach a clinician: it is decided as a crisis case
 * for on-call to assess by hand, never dead-lettered where only ops would see it.
 */
class NotAssessedTest {

	@Test
	void aCaseTheEngineCannotAssessGoesToOnCallForManualAssessment() {
		IntakeSubmitted routine = Intakes.submitted(Intakes.routineForm());
		String rulesetVersion = TriageEngine.loadDefault().rulesetVersion();

		CaseDecision decision = CaseDecision.of(routine, NotAssessed.assessment(rulesetVersion), Instant.now());

		assertThat(decision.topic()).isEqualTo(Topics.CASES_CRISIS);
		assertThat(decision.event().crisis()).isTrue();
		assertThat(decision.event().riskLevel()).isEqualTo(RiskLevel.HIGH);
		assertThat(decision.event().rationale()).containsExactly(NotAssessed.RATIONALE);
		assertThat(decision.event().rulesetVersion()).isEqualTo(rulesetVersion);
		assertThat(decision.event().contact().phone()).isEqualTo(routine.form().patient().phone());
	}

}
