package org.openintake.triage.engine.crisis;

/** A context cue found at [start, end) of the primary view. */
record CueMatch(Term.Cue cue, int start, int end) {

	boolean overlaps(int s, int e) {
		return this.start < e && s < this.end;
	}

}
