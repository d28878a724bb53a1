package org.openintake.triage.engine.scoring;

import java.util.ArrayList;
import java.util.List;

import org.openintake.events.CaseTriaged.Flag;
import org.openintake.events.CaseTriaged.Score;
import org.openintake.events.CrisisCategory;
import org.openintake.events.Instrument;
import org.openintake.events.IntakeForm;
import org.openintake.events.RiskLevel;

/**
 * C-SSRS screener: Q4 (intent) or Q5 (plan), or Q6 (behaviour) within three months, is high risk;
 * Q3 (method) or older behaviour is moderate; Q1 (wish to be dead) or Q2 (suicidal thoughts)
 * alone is low. Behaviour whose timing was not answered counts as recent: not knowing is not
 * reassurance. The total is the number of yes answers.
 */
final class CssrsScreener {

	private CssrsScreener() {
	}

	record Result(Score score, List<RiskItem> items, RiskLevel level) {
	}

	static Result assess(IntakeForm.Cssrs c) {
		if (c == null || c.wishDead() == null || c.suicidalThoughts() == null || c.behavior() == null) {
			throw new IllegalArgumentException("C-SSRS screener needs answers to Q1, Q2 and Q6");
		}
		List<RiskItem> items = new ArrayList<>();
		RiskLevel level = RiskLevel.NONE;
		int yes = 0;
		if (c.wishDead()) {
			yes++;
			level = max(level, RiskLevel.LOW);
			items.add(item(CrisisCategory.SUICIDAL_IDEATION_PASSIVE, "cssrs.wishDead", "cssrs.q1-wish-dead", false,
					RiskLevel.LOW));
		}
		if (c.suicidalThoughts()) {
			yes++;
			level = max(level, RiskLevel.LOW);
			items.add(item(CrisisCategory.SUICIDAL_IDEATION_ACTIVE, "cssrs.suicidalThoughts", "cssrs.q2-thoughts", false,
					RiskLevel.LOW));
		}
		if (Boolean.TRUE.equals(c.method())) {
			yes++;
			level = max(level, RiskLevel.MODERATE);
			items.add(item(CrisisCategory.SUICIDE_MEANS, "cssrs.method", "cssrs.q3-method", false, RiskLevel.MODERATE));
		}
		if (Boolean.TRUE.equals(c.intent())) {
			yes++;
			level = max(level, RiskLevel.HIGH);
			items.add(item(CrisisCategory.SUICIDE_INTENT, "cssrs.intent", "cssrs.q4-intent", false, RiskLevel.HIGH));
		}
		if (Boolean.TRUE.equals(c.plan())) {
			yes++;
			level = max(level, RiskLevel.HIGH);
			items.add(item(CrisisCategory.SUICIDE_PLAN, "cssrs.plan", "cssrs.q5-plan", false, RiskLevel.HIGH));
		}
		if (c.behavior()) {
			yes++;
			boolean older = Boolean.FALSE.equals(c.behaviorWithin3Months());
			RiskLevel behaviour = older ? RiskLevel.MODERATE : RiskLevel.HIGH;
			level = max(level, behaviour);
			items.add(item(CrisisCategory.RECENT_ATTEMPT, "cssrs.behavior",
					older ? "cssrs.q6-behaviour-older" : "cssrs.q6-behaviour-3-months", older, behaviour));
		}
		String band = switch (level) {
			case NONE -> "none";
			case LOW -> "low risk";
			case MODERATE -> "moderate risk";
			default -> "high risk";
		};
		return new Result(new Score(Instrument.CSSRS, yes, band, yes > 0), List.copyOf(items), level);
	}

	/** A yes is current (and makes the case a crisis) unless it is behaviour older than three months. */
	private static RiskItem item(CrisisCategory category, String source, String ruleId, boolean historical,
			RiskLevel level) {
		Flag flag = new Flag(category, source, null, 0, 0, null, false, historical, false, false, ruleId);
		return new RiskItem(flag, level, !historical);
	}

	static RiskLevel max(RiskLevel a, RiskLevel b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
