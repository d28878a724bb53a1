package org.openintake.triage.engine.crisis;

import java.util.List;

import org.openintake.events.CrisisCategory;

/**
 * NegEx/ConText-style reading of the words around a crisis phrase, in the phrase's own language.
 * Scopes: a sentence ends at . ! ? ; or a line break; a terminator ("but", "aber", "pero",
 * "mais", "ma") ends every scope inside it, so "no plan, but I do think about killing myself" keeps
 * the second half; a negation reaches at most {@link #NEGATION_WINDOW} words.
 */
final class Context {

	static final int NEGATION_WINDOW = 9;

	static final int NEGATION_AFTER_WINDOW = 3;

	record Reading(boolean negated, boolean historical, boolean hypothetical, boolean otherExperiencer, boolean soon) {
	}

	private Context() {
	}

	/**
	 * @param cues every cue in the text, sorted by start, without those lying inside a crisis phrase
	 */
	static Reading read(FoldedText view, List<CueMatch> cues, Candidate c) {
		String language = c.entry().language();
		int sentenceStart = sentenceStart(view, c.start());
		int sentenceEnd = sentenceEnd(view, c.end());
		boolean question = sentenceEnd < view.length() && view.charAt(sentenceEnd) == '?';

		int clauseStart = sentenceStart;
		int clauseEnd = sentenceEnd;
		int negStart = sentenceStart;
		int negEnd = sentenceEnd;
		for (CueMatch m : cues) {
			if (!m.appliesTo(language) || m.start() < sentenceStart || m.end() > sentenceEnd) {
				continue;
			}
			Term.CueType type = m.cue().type();
			if ((type == Term.CueType.TERMINATOR || type == Term.CueType.NEGATION_TERMINATOR) && !insideReadingCue(cues, m)) {
				if (m.start() < c.start()) {
					// ", je" may run into the phrase itself ("je vais en finir"): it still ends what came before
					int boundary = Math.min(m.end(), c.start());
					negStart = Math.max(negStart, boundary);
					if (type == Term.CueType.TERMINATOR) {
						clauseStart = Math.max(clauseStart, boundary);
					}
				}
				else if (m.start() >= c.end()) {
					negEnd = Math.min(negEnd, m.start());
					if (type == Term.CueType.TERMINATOR) {
						clauseEnd = Math.min(clauseEnd, m.start());
					}
				}
			}
		}

		boolean negated = false;
		boolean historical = false;
		boolean current = false;
		boolean hypothetical = question;
		boolean soon = false;
		int otherCueEnd = -1;
		int selfCueStart = -1;
		int selfInFiller = -1;
		for (CueMatch m : cues) {
			if (!m.appliesTo(language)) {
				continue;
			}
			if (c.absorbs(m.start(), m.end())) {
				if (m.cue().type() == Term.CueType.FIRST_PERSON && c.isFrame()) {
					selfInFiller = m.start(); // "wenn mein Mitbewohner weg ist, mache <i>ich</i> es"
				}
				continue;
			}
			boolean inGap = c.inGap(m.start(), m.end());
			if (m.cue().type() == Term.CueType.TIMING && m.start() >= sentenceStart && m.end() <= sentenceEnd) {
				soon = true;
			}
			if (m.start() < clauseStart && m.cue().type() != Term.CueType.NEGATION
					|| m.start() < negStart && m.cue().type() == Term.CueType.NEGATION) {
				continue;
			}
			switch (m.cue().type()) {
				case NEGATION -> {
					// in a frame's gap, ", he" or "and I" after the negation starts the clause the next filler is in:
					// "my husband isn't kind anymore, he shoved me"
					if ((inGap && !(c.isFrame() && terminatorBefore(cues, language, m.end(), nextPart(c, m.end())))
							|| m.end() <= c.start() && words(view, m.end(), c.start()) <= NEGATION_WINDOW)
							&& !insidePseudoNegation(cues, m)) {
						negated = true;
					}
				}
				case NEGATION_AFTER -> {
					if (m.start() >= c.end() && m.end() <= negEnd
							&& words(view, c.end(), m.start()) <= NEGATION_AFTER_WINDOW) {
						negated = true;
					}
				}
				// "..., but that's long behind me": a past cue that takes in the "but" reads back across it
				case HISTORICAL -> historical |= m.end() <= clauseEnd || m.start() >= c.end() && m.start() <= clauseEnd
						&& m.end() <= sentenceEnd && insideReadingCue(cues, terminatorAt(cues, m.start()));
				case CURRENT -> current |= m.end() <= clauseEnd && !inside(cues, m, Term.CueType.HISTORICAL);
				case HYPOTHETICAL -> hypothetical |= m.end() <= c.start() || inGap;
				case OTHER_EXPERIENCER -> {
					if (m.end() <= c.start()) {
						otherCueEnd = Math.max(otherCueEnd, m.end());
					}
				}
				case FIRST_PERSON -> {
					if (m.end() <= c.start()) {
						selfCueStart = Math.max(selfCueStart, m.start());
					}
				}
				default -> {
				}
			}
		}
		boolean other = switch (c.entry().experiencer()) {
			case OTHER -> true;
			case SELF -> false;
			// a threat to others found by a frame or a flexible phrase ("my husband says he wants to kill
			// his boss") is also someone else's when someone else is its subject
			// a first-person word after the other person, before the finding or inside one of its slot words,
			// makes the patient the subject again
			case ANY -> otherCueEnd >= 0 && selfCueStart < otherCueEnd && selfInFiller < otherCueEnd
					&& (selfDirected(c.entry().category())
					|| c.flexible() && c.entry().category() == CrisisCategory.HARM_TO_OTHERS);
		};
		return new Reading(negated, historical && !current, hypothetical, other, soon);
	}

	/** Categories where "someone else" makes it a third-party concern rather than the patient's. */
	static boolean selfDirected(CrisisCategory category) {
		return category != CrisisCategory.HARM_TO_OTHERS && category != CrisisCategory.DANGER_FROM_OTHERS;
	}

	/**
	 * A comma or "but" inside a negation or past cue is part of it ("never, not once,", "nunca, ni una sola
	 * vez,", "and the answer is no", "but that's behind me"): it ends no scope.
	 */
	private static boolean insideReadingCue(List<CueMatch> cues, CueMatch terminator) {
		if (terminator == null) {
			return false;
		}
		for (CueMatch m : cues) {
			Term.CueType t = m.cue().type();
			if ((t == Term.CueType.NEGATION || t == Term.CueType.NEGATION_AFTER || t == Term.CueType.HISTORICAL)
					&& m.start() <= terminator.start() && terminator.end() <= m.end() && m.end() - m.start() > terminator.end() - terminator.start()) {
				return true;
			}
		}
		return false;
	}

	/** The start of the candidate's first part at or after {@code from}. */
	private static int nextPart(Candidate c, int from) {
		int[] parts = c.parts();
		for (int i = 0; i < parts.length; i += 2) {
			if (parts[i] >= from) {
				return parts[i];
			}
		}
		return c.end();
	}

	private static boolean terminatorBefore(List<CueMatch> cues, String language, int from, int to) {
		for (CueMatch m : cues) {
			Term.CueType t = m.cue().type();
			if ((t == Term.CueType.TERMINATOR || t == Term.CueType.NEGATION_TERMINATOR) && m.appliesTo(language)
					&& m.start() >= from && m.end() <= to && !insideReadingCue(cues, m)) {
				return true;
			}
		}
		return false;
	}

	private static CueMatch terminatorAt(List<CueMatch> cues, int start) {
		for (CueMatch m : cues) {
			if (m.start() == start && m.cue().type() == Term.CueType.TERMINATOR) {
				return m;
			}
		}
		return null;
	}

	private static boolean insidePseudoNegation(List<CueMatch> cues, CueMatch negation) {
		return inside(cues, negation, Term.CueType.PSEUDO_NEGATION);
	}

	/**
	 * A cue inside a longer cue of another kind is part of that one: "no" in "no one", "now" in
	 * "now I'm fine" (a recovery, so historical).
	 */
	private static boolean inside(List<CueMatch> cues, CueMatch cue, Term.CueType container) {
		for (CueMatch m : cues) {
			if (m.cue().type() == container && m != cue && m.start() <= cue.start() && m.end() >= cue.end()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * . ! ? end a sentence when no letter follows them at once ("k!ll", "s.u.i.c.i.d.e" and "e.g"
	 * are words); ; and line breaks always do.
	 */
	static boolean isSentenceBreak(FoldedText view, int i) {
		char ch = view.charAt(i);
		if (ch == ';' || ch == '\n') {
			return true;
		}
		return (ch == '.' || ch == '!' || ch == '?') && !view.isWordChar(i + 1);
	}

	static int sentenceStart(FoldedText view, int from) {
		int i = from - 1;
		while (i >= 0 && !isSentenceBreak(view, i)) {
			i--;
		}
		return i + 1;
	}

	static int sentenceEnd(FoldedText view, int from) {
		int i = from;
		while (i < view.length() && !isSentenceBreak(view, i)) {
			i++;
		}
		return i;
	}

	static int words(FoldedText view, int from, int to) {
		int count = 0;
		boolean inWord = false;
		for (int i = from; i < to; i++) {
			boolean w = view.isWordChar(i);
			if (w && !inWord) {
				count++;
			}
			inWord = w;
		}
		return count;
	}

}
