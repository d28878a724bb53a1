package org.openintake.triage.engine.crisis;

import java.util.List;

import org.openintake.events.CaseTriaged;
import org.openintake.events.RiskLevel;

/**
 * A crisis flag with what the engine needs to weigh it.
 *
 * @param flag the flag and its evidence, as published
 * @param level the risk this flag alone stands for after its context: {@code NONE} when negated
 * or about someone else, lowered when historical
 * @param counts true when the flag is current, about the patient and not negated: such a flag
 * makes the case a crisis
 * @param soon a timing word ("tonight", "heute") sits in the same sentence
 * @param variant found only through the obfuscation/misspelling view
 * @param evidence for a concept frame, every slot and the patient's words that filled it, with
 * their offsets (the flag's rule id names the frame and lists them too); empty for a phrase
 */
public record CrisisFinding(CaseTriaged.Flag flag, RiskLevel level, boolean counts, boolean soon, boolean variant,
		List<SlotFiller> evidence) {

	public CrisisFinding(CaseTriaged.Flag flag, RiskLevel level, boolean counts, boolean soon, boolean variant) {
		this(flag, level, counts, soon, variant, List.of());
	}

}
