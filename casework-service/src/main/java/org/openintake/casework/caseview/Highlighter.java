package org.openintake.casework.caseview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openintake.events.CaseTriaged;

/**
 * Splits one free-text answer into plain and highlighted pieces, each highlight being the words a
 * flag matched, in the patient's own spelling, with the rule that matched them. Offsets come from
 * the flag (UTF-16 indexes into the original answer); a flag whose offsets do not fit the text is
 * left out of the highlighting, never guessed, and still listed with the flags.
 */
final class Highlighter {

	private Highlighter() {
	}

	/** One piece of an answer: {@code flag} is null for text between highlights. */
	record Segment(String text, CaseTriaged.Flag flag) {

		public boolean highlighted() {
			return this.flag != null;
		}

		/** What a screen reader and a hover say about the highlight. */
		public String label() {
			if (this.flag == null) {
				return null;
			}
			StringBuilder label = new StringBuilder(String.valueOf(this.flag.category()).replace('_', ' ').toLowerCase())
				.append(", rule ")
				.append(this.flag.ruleId());
			if (this.flag.negated()) {
				label.append(", negated");
			}
			if (this.flag.historical()) {
				label.append(", in the past");
			}
			if (this.flag.hypothetical()) {
				label.append(", hypothetical or a question");
			}
			if (this.flag.otherExperiencer()) {
				label.append(", about someone else");
			}
			return label.toString();
		}

		/** Current, self-directed and not negated: what makes a crisis. */
		public boolean current() {
			return this.flag != null && !this.flag.negated() && !this.flag.historical() && !this.flag.otherExperiencer();
		}

	}

	static List<Segment> segments(String text, String source, List<CaseTriaged.Flag> flags) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<CaseTriaged.Flag> fitting = flags.stream()
			.filter(flag -> source.equals(flag.source()))
			.filter(flag -> flag.start() >= 0 && flag.end() > flag.start() && flag.end() <= text.length())
			.sorted(Comparator.comparingInt(CaseTriaged.Flag::start).thenComparingInt(flag -> -flag.end()))
			.toList();
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		for (CaseTriaged.Flag flag : fitting) {
			if (flag.start() < at) {
				continue; // overlaps a longer highlight already shown
			}
			if (flag.start() > at) {
				segments.add(new Segment(text.substring(at, flag.start()), null));
			}
			segments.add(new Segment(text.substring(flag.start(), flag.end()), flag));
			at = flag.end();
		}
		if (at < text.length()) {
			segments.add(new Segment(text.substring(at), null));
		}
		return segments;
	}

}
