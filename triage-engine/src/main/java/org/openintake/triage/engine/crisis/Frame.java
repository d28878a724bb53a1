package org.openintake.triage.engine.crisis;

import java.util.List;

import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;

/**
 * A concept frame: slots that, filled within one clause, stand for a crisis category ("jump" +
 * "bridge" is a method; "stockpile" + "pills" is preparation), whatever the exact words.
 *
 * @param slots every slot must be filled, each by a different word, within {@link #WINDOW} words
 * @param unless a slot whose filler anywhere in the clause makes the frame not apply (a benign
 * purpose: "for climbing", "for my headache")
 * @param order chains of slots whose fillers must come in the chain's order, in every language (empty:
 * any order): "wants ... kill ... brother" makes the brother the victim, "my brother wants to kill"
 * the subject; two chains [URGE, HARM] and [URGE, VICTIM] put the urge first and leave the victim
 * free to stand before the verb as German and the Romance languages put it ("meinen Chef erstechen")
 * @param window the most words from the first filler to the last: {@link #WINDOW}, a clause, unless
 * the frame asks for less (a reflexive pronoun belongs next to its verb: "me voy a matar")
 * @param experiencer {@code SELF} when a slot already names the patient ("myself")
 * @param near pairs of slots whose fillers must stand at most {@link #NEAR} words apart, in either order:
 * the patient as the object of the act ("hits me", "me pega", "hat mich geschlagen"), not a "me" of the
 * next clause ("her dad hits her and it makes me sad")
 */
record Frame(String id, CrisisCategory category, RiskLevel severity, List<String> slots, List<String> unless,
		List<List<String>> order, int window, Term.Experiencer experiencer, List<List<String>> near) {

	/** Words allowed between two "near" fillers: an auxiliary ("mi ha picchiata", "m'a frappée"). */
	static final int NEAR = 1;

	static final int WINDOW = 10;

	/** The most words a frame may ask for: a means, its access and the patient's thoughts of it span a sentence. */
	static final int MAX_WINDOW = 16;

	/** The lexicon entry a frame's flag stands for in one language. */
	Term.Entry entry(String language) {
		return new Term.Entry("frame." + this.id, language, this.category, this.severity, this.experiencer);
	}

}
