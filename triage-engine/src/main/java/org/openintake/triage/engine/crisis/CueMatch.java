package org.openintake.triage.engine.crisis;

import java.util.Set;

/**
 * A context cue found at [start, end) of the primary view.
 *
 * @param alsoFor the other languages whose findings this cue also applies to: a cue of one language
 * reads findings of every language, unless its words are also words of that language ("ma" is
 * Italian "but" and French "my"); {@code null} means every language (the "someone else" frame)
 */
record CueMatch(Term.Cue cue, int start, int end, Set<String> alsoFor) {

	CueMatch(Term.Cue cue, int start, int end) {
		this(cue, start, end, Set.of());
	}

	boolean overlaps(int s, int e) {
		return this.start < e && s < this.end;
	}

	boolean appliesTo(String language) {
		return this.alsoFor == null || this.cue.language().equals(language) || this.alsoFor.contains(language);
	}

}
