package org.openintake.triage.engine;

import org.junit.jupiter.api.Test;
import org.openintake.events.IntakeForm;
import org.openintake.events.RiskLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openintake.triage.engine.Forms.NO_RISK;
import static org.openintake.triage.engine.Forms.form;
import static org.openintake.triage.engine.Forms.gad7;
import static org.openintake.triage.engine.Forms.phq9;

/** How flags weigh into one risk level: method, means, plan and timing weigh most. */
class RiskLevelTest {

	static final TriageEngine ENGINE = TriageEngine.loadDefault();

	static RiskLevel level(String text) {
		return ENGINE.assessText(text, "en").riskLevel();
	}

	@Test
	void passiveIdeationAloneIsModerate() {
		assertThat(level("I just want to die.")).isEqualTo(RiskLevel.MODERATE);
	}

	@Test
	void activeIdeationIsHigh() {
		assertThat(level("I keep thinking about killing myself.")).isEqualTo(RiskLevel.HIGH);
	}

	@Test
	void meansOrPlanAloneIsHighAndWithIdeationImminent() {
		assertThat(level("I have enough pills to do it.")).isEqualTo(RiskLevel.HIGH);
		assertThat(level("I want to die. I have enough pills to do it.")).isEqualTo(RiskLevel.IMMINENT);
	}

	@Test
	void aTimingWordNextToSuicidalWordsIsImminent() {
		assertThat(level("I want to die tonight.")).isEqualTo(RiskLevel.IMMINENT);
		// a timing word in another sentence does not count
		assertThat(level("I want to die. Tonight I am seeing a friend.")).isEqualTo(RiskLevel.MODERATE);
	}

	@Test
	void negatedOrThirdPartyWordsAddNoRiskAndHistoricalLowersIt() {
		assertThat(level("I have no plan to kill myself.")).isEqualTo(RiskLevel.NONE);
		assertThat(level("My brother wants to kill himself.")).isEqualTo(RiskLevel.NONE);
		assertThat(level("Years ago I had suicidal thoughts.")).isEqualTo(RiskLevel.LOW);
		assertThat(level("I attempted suicide when I was 16.")).isEqualTo(RiskLevel.MODERATE);
	}

	@Test
	void questionnaireAloneFollowsTheScreenerWithAModerateFloorForACrisis() {
		var wishOnly = new IntakeForm.Cssrs(true, false, null, null, null, false, null);
		Assessment a = ENGINE.assess(form(phq9(4, 0), gad7(2), wishOnly, null, null));
		assertThat(a.crisis()).isTrue();
		assertThat(a.riskLevel()).isEqualTo(RiskLevel.MODERATE);

		var plan = new IntakeForm.Cssrs(true, true, true, true, true, false, null);
		Assessment b = ENGINE.assess(form(phq9(20, 3), gad7(15), plan, null, null));
		assertThat(b.riskLevel()).as("answers alone stop at the screener's HIGH").isEqualTo(RiskLevel.HIGH);

		Assessment c = ENGINE.assess(form(phq9(20, 3), gad7(15), plan, "I bought a rope and wrote a suicide note.", null));
		assertThat(c.riskLevel()).isEqualTo(RiskLevel.IMMINENT);

		Assessment none = ENGINE.assess(form(phq9(4, 0), gad7(2), NO_RISK, "Work is stressful.", null));
		assertThat(none.crisis()).isFalse();
		assertThat(none.riskLevel()).isEqualTo(RiskLevel.NONE);
	}

}
