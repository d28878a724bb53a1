package org.openintake.triage.engine.crisis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word-level patterns of one kind (lexicon phrases, or slot words of frames), matched with
 * morphology and a little slack: every word longer than three letters matches by its Snowball stem
 * in the pattern's language; an article, possessive or adverb of the pattern's language
 * ({@code skip} list) may be added inside a pattern, at most {@link #MAX_SKIPPED} of them
 * ("jump off <i>the old</i> bridge" needs "old" to be a skip word, "take <i>all</i> my pills"), and a
 * skip word the pattern itself has may be left out or be another one ("jump off a bridge" /
 * "jump off the bridge" / "jump off bridges").
 *
 * @param <T> what a pattern stands for
 */
final class WordPatterns<T> {

	static final int MAX_SKIPPED = 2;

	/** One word of a pattern: matched exactly (short words, {@code =word}) or by its stem. */
	record Word(String exact, String stem, boolean optional) {
	}

	record Pattern<T>(String language, String source, Word[] words, T payload) {
	}

	/** A pattern found at tokens [first, last]; {@code used} are the tokens it matched, not the skipped ones. */
	record Match<T>(Pattern<T> pattern, int first, int last, int[] used) {
	}

	private final Map<String, Map<String, List<Pattern<T>>>> byFirstExact = new HashMap<>();

	private final Map<String, Map<String, List<Pattern<T>>>> byFirstStem = new HashMap<>();

	private final Map<String, Set<String>> skipWords;

	private final Map<String, Set<String>> articles;

	private final WordIndex index;

	/**
	 * Romance object pronouns: the verb after one keeps its person ending, so it is matched as
	 * written ("me mato" is the patient, "me mata" is "it is killing me").
	 */
	private static final Set<String> CLITICS = Set.of("me", "mi", "te", "ti", "se", "si", "m", "t", "s");

	private static final Set<String> ROMANCE = Set.of("es", "fr", "it");

	WordPatterns(Map<String, Set<String>> skipWords, Map<String, Set<String>> articles, WordIndex index) {
		this.skipWords = skipWords;
		this.articles = articles;
		this.index = index;
	}

	/**
	 * Compiles a folded phrase; returns false when it has no word.
	 *
	 * @param exactOnly match every word as written, never by its stem (a word whose stem collides
	 * with a benign one)
	 */
	boolean add(String language, String folded, boolean exactOnly, T payload) {
		String[] raw = Tokens.ofPhrase(folded);
		if (raw.length == 0) {
			return false;
		}
		Set<String> articles = this.articles.getOrDefault(language, Set.of());
		Word[] words = new Word[raw.length];
		for (int i = 0; i < raw.length; i++) {
			String w = raw[i];
			// an article may be left out or be another one ("a bridge", "the bridge", "bridges");
			// a possessive or quantifier may not ("take all my pills" is not "take my pills")
			boolean optional = i > 0 && i < raw.length - 1 && articles.contains(w);
			boolean afterClitic = i > 0 && ROMANCE.contains(language) && CLITICS.contains(raw[i - 1]);
			String stem = exactOnly || afterClitic ? null : Stemming.stem(language, w);
			words[i] = new Word(stem == null ? w : null, stem, optional);
			this.index.add(language, w, stem);
		}
		Pattern<T> p = new Pattern<>(language, folded, words, payload);
		Word first = words[0];
		Map<String, Map<String, List<Pattern<T>>>> map = first.exact() != null ? this.byFirstExact : this.byFirstStem;
		String key = first.exact() != null ? first.exact() : first.stem();
		map.computeIfAbsent(language, k -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(p);
		return true;
	}

	/** Every pattern of every language found in the tokens. */
	List<Match<T>> find(Tokens tokens, Stems stems) {
		List<Match<T>> out = new ArrayList<>();
		for (Map.Entry<String, Map<String, List<Pattern<T>>>> e : this.byFirstExact.entrySet()) {
			String language = e.getKey();
			Map<String, List<Pattern<T>>> exact = e.getValue();
			Map<String, List<Pattern<T>>> stemmed = this.byFirstStem.getOrDefault(language, Map.of());
			for (int i = 0; i < tokens.size; i++) {
				List<Pattern<T>> a = exact.get(tokens.words[i]);
				if (a != null) {
					tryAll(a, tokens, stems, i, out);
				}
				String stem = stems.of(language, i);
				if (stem != null) {
					List<Pattern<T>> b = stemmed.get(stem);
					if (b != null) {
						tryAll(b, tokens, stems, i, out);
					}
				}
			}
		}
		for (Map.Entry<String, Map<String, List<Pattern<T>>>> e : this.byFirstStem.entrySet()) {
			if (this.byFirstExact.containsKey(e.getKey())) {
				continue;
			}
			String language = e.getKey();
			for (int i = 0; i < tokens.size; i++) {
				String stem = stems.of(language, i);
				if (stem != null) {
					List<Pattern<T>> b = e.getValue().get(stem);
					if (b != null) {
						tryAll(b, tokens, stems, i, out);
					}
				}
			}
		}
		return out;
	}

	private void tryAll(List<Pattern<T>> patterns, Tokens tokens, Stems stems, int i, List<Match<T>> out) {
		for (Pattern<T> p : patterns) {
			Match<T> m = match(p, tokens, stems, i);
			if (m != null) {
				out.add(m);
			}
		}
	}

	private Match<T> match(Pattern<T> p, Tokens tokens, Stems stems, int first) {
		Set<String> skip = this.skipWords.getOrDefault(p.language(), Set.of());
		Set<String> articles = this.articles.getOrDefault(p.language(), Set.of());
		int[] used = new int[p.words().length];
		int n = 0;
		int j = first;
		int skipped = 0;
		int k = 0;
		while (k < p.words().length) {
			Word w = p.words()[k];
			boolean here = j < tokens.size && tokens.sentence[j] == tokens.sentence[first];
			if (here && (matches(w, p.language(), tokens, stems, j) || w.optional() && articles.contains(tokens.words[j]))) {
				used[n++] = j;
				j++;
				k++;
			}
			else if (w.optional()) {
				k++;
			}
			else if (k > 0 && skipped < MAX_SKIPPED && j < tokens.size && tokens.sentence[j] == tokens.sentence[first]
					&& skip.contains(tokens.words[j])) {
				skipped++;
				j++;
			}
			else {
				return null;
			}
		}
		return new Match<>(p, first, j - 1, java.util.Arrays.copyOf(used, n));
	}

	private static boolean matches(Word w, String language, Tokens tokens, Stems stems, int j) {
		if (w.exact() != null) {
			return w.exact().equals(tokens.words[j]);
		}
		return w.stem().equals(stems.of(language, j));
	}

	/**
	 * The stems of a text's tokens, computed only for tokens that start like some lexicon word of
	 * the language (most words of a text do not), and only once per token and language.
	 */
	static final class Stems {

		private final Tokens tokens;

		private final WordIndex index;

		private final Map<String, String[]> cache = new HashMap<>(8);

		private final int[] masks;

		private static final String NONE = "";

		Stems(Tokens tokens, WordIndex index) {
			this.tokens = tokens;
			this.index = index;
			this.masks = new int[tokens.size];
			for (int i = 0; i < tokens.size; i++) {
				this.masks[i] = tokens.words[i].length() > Stemming.MIN_STEMMED ? index.prefixLanguages(tokens.words[i]) : 0;
			}
		}

		String of(String language, int i) {
			if ((this.masks[i] & this.index.bit(language)) == 0) {
				return null;
			}
			String[] row = this.cache.computeIfAbsent(language, k -> new String[this.tokens.size]);
			String s = row[i];
			if (s == null) {
				String stem = Stemming.stem(language, this.tokens.words[i]);
				s = stem == null ? NONE : stem;
				row[i] = s;
			}
			return s.isEmpty() ? null : s;
		}

	}

}
