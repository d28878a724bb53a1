package org.openintake.triage.engine.crisis;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The words of the primary view, with contractions and elisions spelled out, for the word-level
 * matchers (flexible phrases and frames). Every token keeps the view span of the words it came
 * from, so a match still reports the patient's own words and offsets; a token split in two
 * ("wanna", "matarme") gives both halves the same span.
 */
final class Tokens {

	/** English negative contractions: the folded view spells "won't" as "won t". */
	private static final Map<String, String> NOT_BASE = Map.ofEntries(Map.entry("don", "do"), Map.entry("doesn", "does"),
			Map.entry("didn", "did"), Map.entry("won", "will"), Map.entry("can", "can"), Map.entry("isn", "is"),
			Map.entry("aren", "are"), Map.entry("wasn", "was"), Map.entry("weren", "were"), Map.entry("wouldn", "would"),
			Map.entry("couldn", "could"), Map.entry("shouldn", "should"), Map.entry("haven", "have"),
			Map.entry("hasn", "has"), Map.entry("hadn", "had"), Map.entry("ain", "am"), Map.entry("mustn", "must"),
			Map.entry("needn", "need"), Map.entry("shan", "shall"));

	/** English pronoun contractions ("i m", "i ll", "they re", "i d", "i ve"). */
	private static final Map<String, String> AFTER_PRONOUN = Map.of("m", "am", "ll", "will", "re", "are", "d", "would",
			"ve", "have");

	private static final Set<String> PRONOUNS = Set.of("i", "you", "he", "she", "it", "we", "they", "that", "there",
			"who", "what");

	/** French and Italian elided clitics ("j'ai", "m'ammazzo", "t'aime") before a word. */
	private static final Map<String, String> ELIDED = Map.of("j", "je", "m", "me", "t", "te", "n", "ne", "qu", "que",
			"d", "de", "s", "se", "c", "ce");

	/** One word standing for two or more. */
	private static final Map<String, String[]> SPELLED_OUT = Map.of("wanna", new String[] { "want", "to" }, "gonna",
			new String[] { "going", "to" }, "gotta", new String[] { "got", "to" }, "cannot", new String[] { "can", "not" },
			"imma", new String[] { "i", "am", "going", "to" }, "dunno", new String[] { "do", "not", "know" }, "ima",
			new String[] { "i", "am", "going", "to" }, "tryna", new String[] { "trying", "to" });

	/**
	 * Spanish and Italian object pronouns written onto an infinitive or gerund ("matarme",
	 * "ammazzarmi", "suicidarse", "tagliandomi"): split off, so the verb stems as a verb and the
	 * pronoun counts as one.
	 */
	private static final String[] ENCLITICS = { "me", "mi", "se", "si" };

	final String[] words;

	final int[] start;

	final int[] end;

	/** Sentence number of each token (. ! ? ; and line breaks part sentences). */
	final int[] sentence;

	final int size;

	private Tokens(String[] words, int[] start, int[] end, int[] sentence, int size) {
		this.words = words;
		this.start = start;
		this.end = end;
		this.sentence = sentence;
		this.size = size;
	}

	static Tokens of(FoldedText view) {
		Builder b = new Builder(view.length() / 4 + 8);
		String text = view.text;
		int n = text.length();
		int sentence = 0;
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			if (!Character.isLetterOrDigit(c)) {
				if (Context.isSentenceBreak(view, i)) {
					sentence++;
				}
				i++;
				continue;
			}
			int from = i;
			while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
				i++;
			}
			b.word(text.substring(from, i), from, i, sentence);
		}
		return b.build();
	}

	/** A lexicon phrase as tokens (the same spelling-out as the text). */
	static String[] ofPhrase(String folded) {
		Tokens t = of(new FoldedText(folded, new int[folded.length() + 1], new int[folded.length() + 1]));
		return Arrays.copyOf(t.words, t.size);
	}

	private static final class Builder {

		String[] words;

		int[] start;

		int[] end;

		int[] sentence;

		int size;

		Builder(int capacity) {
			this.words = new String[capacity];
			this.start = new int[capacity];
			this.end = new int[capacity];
			this.sentence = new int[capacity];
		}

		void word(String w, int s, int e, int sent) {
			String prev = this.size > 0 && this.sentence[this.size - 1] == sent ? this.words[this.size - 1] : null;
			if (prev != null && w.length() == 1 && w.equals("t") && NOT_BASE.containsKey(prev)) {
				this.words[this.size - 1] = NOT_BASE.get(prev);
				add("not", s, e, sent);
				return;
			}
			if (prev != null && w.length() <= 2 && PRONOUNS.contains(prev) && AFTER_PRONOUN.containsKey(w)) {
				add(AFTER_PRONOUN.get(w), s, e, sent);
				return;
			}
			int n = w.length();
			String[] out = n >= 4 && n <= 6 ? SPELLED_OUT.get(w) : null;
			if (out != null) {
				for (String o : out) {
					add(o, s, e, sent);
				}
				return;
			}
			String elided = n <= 2 ? ELIDED.get(w) : null;
			if (elided != null) {
				add(elided, s, e, sent);
				return;
			}
			if (n >= 7) {
				for (String clitic : ENCLITICS) {
					if (w.endsWith(clitic)) {
						char before = w.charAt(n - 3);
						boolean infinitive = before == 'r' && "aei".indexOf(w.charAt(n - 4)) >= 0;
						boolean gerund = w.regionMatches(n - 5, "ndo", 0, 3);
						if (infinitive || gerund) {
							add(w.substring(0, n - 2), s, e, sent);
							add(clitic, s, e, sent);
							return;
						}
					}
				}
			}
			add(w, s, e, sent);
		}

		void add(String w, int s, int e, int sent) {
			if (this.size == this.words.length) {
				int cap = this.size * 2 + 8;
				this.words = Arrays.copyOf(this.words, cap);
				this.start = Arrays.copyOf(this.start, cap);
				this.end = Arrays.copyOf(this.end, cap);
				this.sentence = Arrays.copyOf(this.sentence, cap);
			}
			this.words[this.size] = w;
			this.start[this.size] = s;
			this.end[this.size] = e;
			this.sentence[this.size] = sent;
			this.size++;
		}

		Tokens build() {
			return new Tokens(this.words, this.start, this.end, this.sentence, this.size);
		}

	}

}
