package org.openintake.triage.engine.scoring;

import java.util.List;
import java.util.Map;

import org.openintake.events.CaseTriaged.Score;
import org.openintake.events.Instrument;

/**
 * Every answered questionnaire scored, and the risk items they raise.
 *
 * @param scores in instrument order, only the questionnaires that were answered
 * @param riskItems PHQ-9 item 9 and C-SSRS answers that raise a flag
 * @param rationale one sentence per risk rule that fired
 */
public record ScoreSheet(List<Score> scores, Map<Instrument, Score> byInstrument, List<RiskItem> riskItems,
		List<String> rationale) {

	public static final ScoreSheet EMPTY = new ScoreSheet(List.of(), Map.of(), List.of(), List.of());

	public boolean positive(Instrument instrument) {
		Score score = this.byInstrument.get(instrument);
		return score != null && score.positive();
	}

	/** The total, or null when the questionnaire was not answered. */
	public Integer total(Instrument instrument) {
		Score score = this.byInstrument.get(instrument);
		return score == null ? null : score.total();
	}

}
