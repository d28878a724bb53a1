package org.openintake.triage.engine.scoring;

import org.junit.jupiter.api.Test;
import org.openintake.events.CrisisCategory;
import org.openintake.events.IntakeForm.Cssrs;
import org.openintake.events.RiskLevel;

import static org.assertj.core.api.Assertions.assertThat;

class CssrsScreenerTest {

	@Test
	void allNoIsNoRisk() {
		var r = CssrsScreener.assess(new Cssrs(false, false, null, null, null, false, null));
		assertThat(r.level()).isEqualTo(RiskLevel.NONE);
		assertThat(r.items()).isEmpty();
		assertThat(r.score().positive()).isFalse();
		assertThat(r.score().band()).isEqualTo("none");
	}

	@Test
	void wishOrThoughtsAloneAreLowRiskButCurrentFlags() {
		var r = CssrsScreener.assess(new Cssrs(true, false, null, null, null, false, null));
		assertThat(r.level()).isEqualTo(RiskLevel.LOW);
		assertThat(r.items()).singleElement().satisfies(i -> {
			assertThat(i.flag().source()).isEqualTo("cssrs.wishDead");
			assertThat(i.counts()).isTrue();
		});
		assertThat(CssrsScreener.assess(new Cssrs(false, true, false, false, false, false, null)).level())
			.isEqualTo(RiskLevel.LOW);
	}

	@Test
	void methodIsModerate() {
		var r = CssrsScreener.assess(new Cssrs(true, true, true, false, false, false, null));
		assertThat(r.level()).isEqualTo(RiskLevel.MODERATE);
		assertThat(r.score().total()).isEqualTo(3);
		assertThat(r.score().band()).isEqualTo("moderate risk");
	}

	@Test
	void intentOrPlanIsHigh() {
		assertThat(CssrsScreener.assess(new Cssrs(false, true, false, true, false, false, null)).level())
			.isEqualTo(RiskLevel.HIGH);
		var plan = CssrsScreener.assess(new Cssrs(false, true, false, false, true, false, null));
		assertThat(plan.level()).isEqualTo(RiskLevel.HIGH);
		assertThat(plan.items()).anySatisfy(i -> {
			assertThat(i.flag().source()).isEqualTo("cssrs.plan");
			assertThat(i.flag().category()).isEqualTo(CrisisCategory.SUICIDE_PLAN);
		});
	}

	@Test
	void behaviourWithinThreeMonthsIsHighOlderIsModerateAndHistorical() {
		var recent = CssrsScreener.assess(new Cssrs(false, false, null, null, null, true, true));
		assertThat(recent.level()).isEqualTo(RiskLevel.HIGH);
		assertThat(recent.items().get(0).counts()).isTrue();
		var older = CssrsScreener.assess(new Cssrs(false, false, null, null, null, true, false));
		assertThat(older.level()).isEqualTo(RiskLevel.MODERATE);
		assertThat(older.items().get(0).flag().historical()).isTrue();
		assertThat(older.items().get(0).counts()).isFalse();
	}

	@Test
	void behaviourWithUnknownTimingCountsAsRecent() {
		var r = CssrsScreener.assess(new Cssrs(false, false, null, null, null, true, null));
		assertThat(r.level()).isEqualTo(RiskLevel.HIGH);
	}

}
