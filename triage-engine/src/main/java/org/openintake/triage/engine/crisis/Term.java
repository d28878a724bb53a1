package org.openintake.triage.engine.crisis;

import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;

/** What a phrase in the automaton stands for: a crisis entry, a routing topic or a context cue. */
sealed interface Term permits Term.Entry, Term.Part, Term.Topic, Term.Cue {

	String language();

	/**
	 * A crisis lexicon entry.
	 *
	 * @param experiencer who the phrase is about when the words say it themselves ("kill myself" is
	 * {@code SELF}, "killed himself" is {@code OTHER}); {@code ANY} leaves it to the context rules
	 */
	record Entry(String id, String language, CrisisCategory category, RiskLevel severity, Experiencer experiencer)
			implements Term {
	}

	/**
	 * One piece of a crisis phrase written with gaps ("werde mich ... umbringen"): the pieces must
	 * follow each other in order, in one sentence, with at most {@link #MAX_GAP_WORDS} words
	 * between them, which is how German and Romance word order separates them.
	 */
	record Part(Entry entry, String phrase, int index, int count) implements Term {

		static final int MAX_GAP_WORDS = 4;

		@Override
		public String language() {
			return this.entry.language();
		}

	}

	/** A word that tells routing what the intake is about (alcohol, obsessions, sleep...). */
	record Topic(String language, String topic) implements Term {
	}

	/** A context word of one language. */
	record Cue(String language, CueType type) implements Term {
	}

	enum Experiencer {
		SELF, OTHER, ANY
	}

	enum CueType {
		/** Before the phrase: "no", "never", "nie", "jamais". */
		NEGATION,
		/** After the phrase: "suicidal thoughts: none". */
		NEGATION_AFTER,
		/** Looks like a negation but is not one: "not only", "can't stop". */
		PSEUDO_NEGATION,
		/** Ends the scope of a context word: "but", "aber", "pero", "mais", "ma". */
		TERMINATOR,
		/** Ends only a negation's scope: "no, I ...", "and I". */
		NEGATION_TERMINATOR,
		/** The patient speaking of themselves: "I", "ich", "je", "yo", "io". */
		FIRST_PERSON,
		/** Puts the phrase in the past: "years ago", "as a teenager". */
		HISTORICAL,
		/** Brings a past phrase back to now: "still", "again", "lately". */
		CURRENT,
		/** Conditional or imagined: "if", "what if", "wenn", "si". */
		HYPOTHETICAL,
		/** Someone else is the subject: "my brother", "mi amiga". */
		OTHER_EXPERIENCER,
		/** Soon: "tonight", "heute Nacht", "esta noche". */
		TIMING,
		/** A figure of speech that contains crisis words: "a view to die for". */
		IDIOM
	}

}
