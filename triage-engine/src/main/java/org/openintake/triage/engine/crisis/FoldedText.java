package org.openintake.triage.engine.crisis;

/**
 * A matching view of a text: the characters the automaton runs over, and for each of them the span
 * of the original text it came from, so that every match can be reported in the patient's own
 * words and offsets.
 */
final class FoldedText {

	final String text;

	private final int[] origStart;

	private final int[] origEnd;

	FoldedText(String text, int[] origStart, int[] origEnd) {
		this.text = text;
		this.origStart = origStart;
		this.origEnd = origEnd;
	}

	int length() {
		return this.text.length();
	}

	char charAt(int i) {
		return this.text.charAt(i);
	}

	/** Original offset (inclusive) of the view range starting at {@code from}. */
	int originalStart(int from) {
		return this.origStart[from];
	}

	/** Original offset (exclusive) of the view range ending at {@code to} (exclusive). */
	int originalEnd(int to) {
		return this.origEnd[to - 1];
	}

	/** First view index whose original span starts at or after {@code originalOffset}. */
	int viewIndexAtOrAfter(int originalOffset) {
		int lo = 0;
		int hi = this.text.length();
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (this.origStart[mid] < originalOffset) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** One past the last view index whose original span ends at or before {@code originalOffset}. */
	int viewIndexEndingBy(int originalOffset) {
		int lo = 0;
		int hi = this.text.length();
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (this.origEnd[mid] <= originalOffset) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	boolean isWordChar(int i) {
		return i >= 0 && i < this.text.length() && Character.isLetterOrDigit(this.text.charAt(i));
	}

	/** A match [start, end) is whole words when no letter or digit touches either side. */
	boolean isWholeWords(int start, int end) {
		return !isWordChar(start - 1) && !isWordChar(end);
	}

}
