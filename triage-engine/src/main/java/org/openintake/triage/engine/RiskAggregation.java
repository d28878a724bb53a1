package org.openintake.triage.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.triage.engine.crisis.CrisisFinding;
import org.openintake.triage.engine.scoring.RiskItem;

/**
 * Weighs every flag into one risk level. Method, means, plan, intent, preparation and a recent
 * attempt weigh most: any of them current is at least HIGH; together with current suicidal
 * thoughts, or with a timing word ("tonight") next to the words, it is IMMINENT. A crisis case is
 * never below MODERATE, the lowest level with a response target.
 */
final class RiskAggregation {

	static final Set<CrisisCategory> CONCRETE = EnumSet.of(CrisisCategory.SUICIDE_PLAN, CrisisCategory.SUICIDE_INTENT,
			CrisisCategory.SUICIDE_PREPARATION, CrisisCategory.SUICIDE_MEANS, CrisisCategory.RECENT_ATTEMPT);

	static final Set<CrisisCategory> SUICIDAL = EnumSet.of(CrisisCategory.SUICIDAL_IDEATION_PASSIVE,
			CrisisCategory.SUICIDAL_IDEATION_ACTIVE, CrisisCategory.SUICIDE_PLAN, CrisisCategory.SUICIDE_INTENT,
			CrisisCategory.SUICIDE_PREPARATION, CrisisCategory.SUICIDE_MEANS, CrisisCategory.RECENT_ATTEMPT);

	record Result(boolean crisis, RiskLevel level) {
	}

	private RiskAggregation() {
	}

	static Result aggregate(List<CrisisFinding> text, List<RiskItem> questionnaire) {
		RiskLevel level = RiskLevel.NONE;
		boolean crisis = false;
		boolean concrete = false;
		boolean ideation = false;
		boolean soon = false;
		for (CrisisFinding f : text) {
			level = max(level, f.level());
			if (f.counts()) {
				crisis = true;
				CrisisCategory c = f.flag().category();
				concrete |= CONCRETE.contains(c);
				ideation |= SUICIDAL.contains(c) && !CONCRETE.contains(c);
				soon |= f.soon() && SUICIDAL.contains(c);
			}
		}
		for (RiskItem r : questionnaire) {
			level = max(level, r.level());
			if (r.counts()) {
				crisis = true;
				CrisisCategory c = r.flag().category();
				concrete |= CONCRETE.contains(c) && c != CrisisCategory.SUICIDE_MEANS;
				ideation |= SUICIDAL.contains(c) && !CONCRETE.contains(c);
			}
		}
		if (concrete) {
			level = max(level, RiskLevel.HIGH);
		}
		if (soon || concrete && ideation && hasConcreteText(text)) {
			level = RiskLevel.IMMINENT;
		}
		if (crisis) {
			level = max(level, RiskLevel.MODERATE);
		}
		return new Result(crisis, level);
	}

	/**
	 * Questionnaire answers alone follow the C-SSRS's own ceiling (HIGH); IMMINENT needs the
	 * patient's words about method, plan or preparation.
	 */
	private static boolean hasConcreteText(List<CrisisFinding> text) {
		for (CrisisFinding f : text) {
			if (f.counts() && CONCRETE.contains(f.flag().category())) {
				return true;
			}
		}
		return false;
	}

	static RiskLevel max(RiskLevel a, RiskLevel b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
