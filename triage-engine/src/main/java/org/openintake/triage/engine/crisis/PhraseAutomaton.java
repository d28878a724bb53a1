package org.openintake.triage.engine.crisis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick over a fixed set of keywords, compiled at load into a full transition table (a DFA:
 * one array read per character of text). It replaces org.ahocorasick's {@code PayloadTrie}, whose
 * per-character {@code HashMap<Character>} lookups and failure-link walks were the largest single
 * cost of a detection (about a fifth of the CPU time in the profile), and reports exactly what that
 * trie reported, in the same order: every occurrence, overlapping ones included, by end position,
 * and at one position by keyword in {@link String#compareTo} order (the trie kept each state's
 * keywords in a {@code TreeSet}). The detector's candidate order, and so which finding stands, depends
 * on that order. Case-sensitive; empty keywords are ignored; a keyword added twice keeps its first
 * payload, as the trie did. Immutable and thread-safe once built.
 *
 * @param <T> what a keyword stands for
 */
final class PhraseAutomaton<T> {

	/** One occurrence of a keyword: [start, end] in the text, both inclusive, as the trie reported it. */
	static final class Emit<T> {

		private final int start;

		private final int end;

		private final String keyword;

		private final T payload;

		Emit(int start, int end, String keyword, T payload) {
			this.start = start;
			this.end = end;
			this.keyword = keyword;
			this.payload = payload;
		}

		int getStart() {
			return this.start;
		}

		/** Inclusive. */
		int getEnd() {
			return this.end;
		}

		String getKeyword() {
			return this.keyword;
		}

		T getPayload() {
			return this.payload;
		}

	}

	/** Receives occurrences as they are found; the return value is ignored (the trie's "keep going"). */
	interface Handler<T> {

		boolean emit(Emit<T> emit);

	}

	private final String[] keywords;

	private final List<T> payloads;

	/** char -> alphabet class; characters no keyword has (and any beyond the table) are class 0. */
	private final int[] classOf;

	private final int classes;

	/** state * classes + class -> next state; state 0 is the root. */
	private final int[] next;

	/** Per state, the keywords ending there (its own and its failure chain's), in keyword order; null when none. */
	private final int[][] outputs;

	private PhraseAutomaton(Map<String, T> byKeyword) {
		this.keywords = byKeyword.keySet().toArray(new String[0]);
		this.payloads = new ArrayList<>(byKeyword.values());
		int maxChar = 0;
		for (String k : this.keywords) {
			for (int i = 0; i < k.length(); i++) {
				maxChar = Math.max(maxChar, k.charAt(i));
			}
		}
		this.classOf = new int[maxChar + 1];
		int count = 1;
		for (String k : this.keywords) {
			for (int i = 0; i < k.length(); i++) {
				if (this.classOf[k.charAt(i)] == 0) {
					this.classOf[k.charAt(i)] = count++;
				}
			}
		}
		this.classes = count;

		// the trie of the keywords, as child lists while it grows
		List<int[]> children = new ArrayList<>();
		List<Integer> own = new ArrayList<>();
		children.add(new int[this.classes]);
		own.add(-1);
		for (int id = 0; id < this.keywords.length; id++) {
			String k = this.keywords[id];
			int state = 0;
			for (int i = 0; i < k.length(); i++) {
				int c = this.classOf[k.charAt(i)];
				int child = children.get(state)[c];
				if (child == 0) {
					child = children.size();
					children.add(new int[this.classes]);
					own.add(-1);
					children.get(state)[c] = child;
				}
				state = child;
			}
			own.set(state, id);
		}

		// breadth first: failure links, the full transition table and each state's outputs
		int states = children.size();
		this.next = new int[states * this.classes];
		this.outputs = new int[states][];
		int[] failure = new int[states];
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int c = 0; c < this.classes; c++) {
			int child = children.get(0)[c];
			this.next[c] = child;
			if (child != 0) {
				failure[child] = 0;
				queue.add(child);
			}
		}
		this.outputs[0] = null;
		while (!queue.isEmpty()) {
			int state = queue.remove();
			this.outputs[state] = merge(own.get(state), this.outputs[failure[state]]);
			int[] kids = children.get(state);
			for (int c = 0; c < this.classes; c++) {
				int child = kids[c];
				int viaFailure = this.next[failure[state] * this.classes + c];
				if (child != 0) {
					failure[child] = viaFailure;
					this.next[state * this.classes + c] = child;
					queue.add(child);
				}
				else {
					this.next[state * this.classes + c] = viaFailure;
				}
			}
		}
	}

	/** A state's own keyword joined with its failure state's outputs, in keyword order. */
	private int[] merge(int ownKeyword, int[] inherited) {
		if (ownKeyword < 0) {
			return inherited;
		}
		int[] out = inherited == null ? new int[1] : Arrays.copyOf(inherited, inherited.length + 1);
		out[out.length - 1] = ownKeyword;
		Integer[] boxed = Arrays.stream(out).boxed().toArray(Integer[]::new);
		Arrays.sort(boxed, (a, b) -> this.keywords[a].compareTo(this.keywords[b]));
		return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
	}

	static <T> Builder<T> builder() {
		return new Builder<>();
	}

	/** Every occurrence in the text, in the order described above. */
	List<Emit<T>> parseText(CharSequence text) {
		List<Emit<T>> out = new ArrayList<>();
		parseText(text, emit -> out.add(emit));
		return out;
	}

	void parseText(CharSequence text, Handler<T> handler) {
		int state = 0;
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char ch = text.charAt(i);
			int c = ch < this.classOf.length ? this.classOf[ch] : 0;
			state = this.next[state * this.classes + c];
			int[] found = this.outputs[state];
			if (found != null) {
				for (int id : found) {
					String k = this.keywords[id];
					handler.emit(new Emit<>(i - k.length() + 1, i, k, this.payloads.get(id)));
				}
			}
		}
	}

	static final class Builder<T> {

		private final Map<String, T> keywords = new LinkedHashMap<>();

		private Builder() {
		}

		Builder<T> addKeyword(String keyword, T payload) {
			if (!keyword.isEmpty()) {
				this.keywords.putIfAbsent(keyword, payload);
			}
			return this;
		}

		PhraseAutomaton<T> build() {
			return new PhraseAutomaton<>(this.keywords);
		}

	}

}
