package org.openintake.triage.engine.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openintake.events.CaseTriaged.Flag;
import org.openintake.events.CaseTriaged.Score;
import org.openintake.events.CrisisCategory;
import org.openintake.events.Instrument;
import org.openintake.events.IntakeForm;
import org.openintake.events.RiskLevel;

/**
 * Scores the intake's questionnaires with their published rules. PHQ-9, GAD-7 and the C-SSRS
 * screener are required; the others are scored when answered. Out-of-range answers are refused
 * with an {@link IllegalArgumentException} naming the item: a wrong score is worse than none.
 */
public final class QuestionnaireScoring {

	private QuestionnaireScoring() {
	}

	/**
	 * @param sex {@code male}, {@code female}, {@code other}, {@code undisclosed} or null; only
	 * AUDIT-C uses it
	 */
	public static ScoreSheet score(IntakeForm.Questionnaires q, String sex) {
		if (q == null) {
			throw new IllegalArgumentException("questionnaires are required");
		}
		List<Score> scores = new ArrayList<>();
		List<RiskItem> risk = new ArrayList<>();
		List<String> rationale = new ArrayList<>();

		scores.add(Phq9.score(q.phq9()));
		int item9 = Phq9.item9(q.phq9());
		if (item9 > 0) {
			RiskLevel level = item9 == 3 ? RiskLevel.HIGH : RiskLevel.MODERATE;
			risk.add(new RiskItem(new Flag(CrisisCategory.SUICIDAL_IDEATION_PASSIVE, "phq9.9", null, 0, 0, null, false,
					false, false, false, "phq9.item9"), level, true));
			rationale.add("PHQ-9 item 9 (thoughts of being better off dead or of self-harm) was answered " + item9
					+ " of 3: always a crisis flag, " + level.name().toLowerCase() + " risk.");
		}
		scores.add(Gad7.score(q.gad7()));
		CssrsScreener.Result cssrs = CssrsScreener.assess(q.cssrs());
		scores.add(cssrs.score());
		risk.addAll(cssrs.items());
		if (cssrs.level() != RiskLevel.NONE) {
			rationale.add("C-SSRS screener: " + cssrs.score().band() + " (" + cssrs.items().stream()
					.map(i -> i.flag().ruleId()).reduce((a, b) -> a + ", " + b).orElse("") + ").");
		}
		if (q.auditC() != null) {
			scores.add(AuditC.score(q.auditC(), sex));
		}
		if (q.dast10() != null) {
			scores.add(Dast10.score(q.dast10()));
		}
		if (q.pcPtsd5() != null) {
			scores.add(PcPtsd5.score(q.pcPtsd5()));
		}
		if (q.asrsA() != null) {
			scores.add(AsrsPartA.score(q.asrsA()));
		}
		Map<Instrument, Score> byInstrument = new EnumMap<>(Instrument.class);
		scores.forEach(s -> byInstrument.put(s.instrument(), s));
		return new ScoreSheet(List.copyOf(scores), Map.copyOf(byInstrument), List.copyOf(risk), List.copyOf(rationale));
	}

}
