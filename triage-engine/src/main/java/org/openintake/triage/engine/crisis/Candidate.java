package org.openintake.triage.engine.crisis;

/** A lexicon entry found at [start, end) of the primary view, before its context is read. */
record Candidate(Term.Entry entry, int start, int end, boolean variant) {

	int length() {
		return this.end - this.start;
	}

	boolean overlaps(int s, int e) {
		return this.start < e && s < this.end;
	}

}
