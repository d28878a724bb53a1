package org.openintake.triage.engine.crisis;

import java.util.List;

/**
 * A lexicon entry or frame found at [start, end) of the primary view, before its context is read.
 *
 * @param parts the spans the phrase's words actually cover, as start/end pairs: one pair for a
 * contiguous phrase, more for a phrase written with gaps ("werde mich ... umbringen"), a flexible
 * phrase with skipped words or a frame, whose gap words (and any "nicht" among them) belong to the
 * context
 * @param flexible found by the word-level matcher only (by stem, or with skipped words), not as written
 * @param fillers for a frame: each slot and the words that filled it, view offsets; empty otherwise
 */
record Candidate(Term.Entry entry, int start, int end, boolean variant, int[] parts, boolean flexible,
		List<Filler> fillers) {

	/**
	 * One slot of a frame filled at [start, end) of the primary view.
	 *
	 * @param ownNegation the slot's words carry their own negation ("not around", "no despertar",
	 * "will not let me leave"): it is the concept, so it negates nothing, nor does a cue that takes it in
	 * ("ya no" over "no voy a estar aquí" is not "no longer")
	 */
	record Filler(String slot, int start, int end, boolean ownNegation) {

		Filler(String slot, int start, int end) {
			this(slot, start, end, false);
		}

	}

	Candidate(Term.Entry entry, int start, int end, boolean variant) {
		this(entry, start, end, variant, new int[] { start, end });
	}

	Candidate(Term.Entry entry, int start, int end, boolean variant, int[] parts) {
		this(entry, start, end, variant, parts, false, List.of());
	}

	boolean isFrame() {
		return !this.fillers.isEmpty();
	}

	int length() {
		return this.end - this.start;
	}

	boolean overlaps(int s, int e) {
		return this.start < e && s < this.end;
	}

	/** True when [s, e) touches the phrase's own words (not just a gap between them). */
	boolean partsOverlap(int s, int e) {
		for (int i = 0; i < this.parts.length; i += 2) {
			if (this.parts[i] < e && s < this.parts[i + 1]) {
				return true;
			}
		}
		return false;
	}

	/**
	 * True when a context cue at [s, e) is part of the phrase's own words and so reads nothing: for
	 * a phrase, any overlap ("no" in "no reason to live"); for a frame, only a cue wholly inside one
	 * filler ("not" in "would not mind"), so "won't" still negates the "will" it was spelled out to.
	 */
	boolean absorbs(int s, int e) {
		if (!isFrame()) {
			return partsOverlap(s, e);
		}
		for (int i = 0; i < this.parts.length; i += 2) {
			if (this.parts[i] <= s && e <= this.parts[i + 1]) {
				return true;
			}
		}
		for (Filler f : this.fillers) {
			if (f.ownNegation() && f.start() < e && s < f.end()) {
				return true;
			}
		}
		return false;
	}

	/** True when [s, e) lies inside a gap of the phrase. */
	boolean inGap(int s, int e) {
		return this.start <= s && e <= this.end && !absorbs(s, e);
	}

}
