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

	/**
	 * One word of a pattern: matched exactly (short words, {@code =word}) or by its stem, both as
	 * {@link WordIndex} ids (-1 for the one not used).
	 */
	record Word(int exact, int stem, boolean optional) {
	}

	/**
	 * @param lang the language's index in {@link WordIndex}
	 * @param order when it was added: patterns of one bucket are tried in this order, so matches come
	 * out in the order they always had (frames and the detector pick the first of equals)
	 */
	record Pattern<T>(String language, int lang, String source, Word[] words, T payload, int order) {
	}

	/** A pattern found at tokens [first, last]; {@code used} are the tokens it matched, not the skipped ones. */
	record Match<T>(Pattern<T> pattern, int first, int last, int[] used) {
	}

	/**
	 * Patterns that begin with a word as written, all languages together (one lookup per text
	 * word), then by their second word: "me", "mi", "je", "ich" begin hundreds of phrases, and
	 * trying each of them at every "me" was most of the matching time.
	 */
	private static final class Bucket<T> {

		/** Tried at every occurrence of the first word. */
		final List<Pattern<T>> anySecond = new ArrayList<>();

		/**
		 * Buckets of a first word as written: second word's id -> patterns, tried after the others, the
		 * nearest second word first.
		 */
		final Map<Integer, List<Pattern<T>>> bySecond = new HashMap<>();

		/**
		 * Buckets of a first stem: second word's id -> patterns. Tried together with {@link #anySecond}
		 * and {@link #bySecondStem}, in the order they were added, only where the second word stands in
		 * reach (the next token, or up to MAX_SKIPPED skip words later).
		 */
		final Map<Integer, List<Pattern<T>>> bySecondWord = new HashMap<>();

		/**
		 * All buckets: second word's stem id * languages + language -> patterns, tried like
		 * {@link #bySecondWord} where a word with that stem stands in reach ("je" begins hundreds of
		 * French phrases whose second word is a verb's stem: trying them all at every "je" was most of
		 * the matching time).
		 */
		final Map<Integer, List<Pattern<T>>> bySecondStem = new HashMap<>();

		/** Bit l: some pattern here has a second stem of language l. */
		int stemLanguages;

	}

	/** First word's id -> its bucket (null when no pattern begins with it). */
	private final List<Bucket<T>> byFirstExact = new ArrayList<>();

	/** Per language index: first word's stem id -> its bucket (null when none). */
	private final List<List<Bucket<T>>> byFirstStem = new ArrayList<>();

	private int added;

	/** The longest pattern, for the scratch array of {@link #find}. */
	private int longest;

	private final Map<String, Set<String>> articles;

	private final WordIndex index;

	/**
	 * Romance object pronouns: the verb after one keeps its person ending, so it is matched as
	 * written ("me mato" is the patient, "me mata" is "it is killing me").
	 */
	private static final Set<String> CLITICS = Set.of("me", "mi", "te", "ti", "se", "si", "m", "t", "s");

	private static final Set<String> ROMANCE = Set.of("es", "fr", "it");

	/**
	 * @param articles per language, the articles a pattern may leave out or exchange; the skip words
	 * a text may add come from the {@link WordIndex}
	 */
	WordPatterns(Map<String, Set<String>> articles, WordIndex index) {
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
			words[i] = stem == null ? new Word(this.index.intern(w), -1, optional)
					: new Word(-1, this.index.intern(stem), optional);
			this.index.add(language, w, stem);
		}
		this.longest = Math.max(this.longest, words.length);
		int lang = this.index.language(language);
		Pattern<T> p = new Pattern<>(language, lang, folded, words, payload, this.added++);
		Word first = words[0];
		Word second = words.length > 1 && !words[1].optional() ? words[1] : null;
		Bucket<T> bucket;
		if (first.exact() >= 0) {
			bucket = at(this.byFirstExact, first.exact());
			if (bucket == null) {
				bucket = new Bucket<>();
				put(this.byFirstExact, first.exact(), bucket);
			}
			if (second != null && second.exact() >= 0) {
				bucket.bySecond.computeIfAbsent(second.exact(), k -> new ArrayList<>()).add(p);
				return true;
			}
		}
		else {
			while (this.byFirstStem.size() <= lang) {
				this.byFirstStem.add(new ArrayList<>());
			}
			bucket = at(this.byFirstStem.get(lang), first.stem());
			if (bucket == null) {
				bucket = new Bucket<>();
				put(this.byFirstStem.get(lang), first.stem(), bucket);
			}
			if (second != null && second.exact() >= 0) {
				bucket.bySecondWord.computeIfAbsent(second.exact(), k -> new ArrayList<>()).add(p);
				return true;
			}
		}
		if (second != null) {
			bucket.bySecondStem.computeIfAbsent(stemKey(second.stem(), lang), k -> new ArrayList<>()).add(p);
			bucket.stemLanguages |= 1 << lang;
		}
		else {
			bucket.anySecond.add(p);
		}
		return true;
	}

	private int stemKey(int stem, int lang) {
		return stem * this.index.languageCount() + lang;
	}

	/** The element at an id of a list used as an array, null beyond its end. */
	private static <V> V at(List<V> byId, int id) {
		return id >= 0 && id < byId.size() ? byId.get(id) : null;
	}

	private static <V> void put(List<V> byId, int id, V value) {
		while (byId.size() <= id) {
			byId.add(null);
		}
		byId.set(id, value);
	}

	/** Every pattern of every language found in the tokens. */
	List<Match<T>> find(Tokens tokens, Stems stems) {
		List<Match<T>> out = new ArrayList<>();
		int[] used = new int[this.longest]; // scratch: copied only for a match
		for (int i = 0; i < tokens.size; i++) {
			Bucket<T> bucket = at(this.byFirstExact, stems.ids[i]);
			if (bucket != null) {
				tryInOrder(bucket, tokens, stems, i, used, out);
				// the second word is the next one, or up to MAX_SKIPPED skip words later
				for (int j = i + 1; j < tokens.size && j <= i + 1 + MAX_SKIPPED; j++) {
					if (j > i + 1 && !stems.isSkipInAny(j - 1)) {
						break;
					}
					if (stems.ids[j] >= 0 && !seenBetween(stems, i + 1, j)) {
						List<Pattern<T>> b = bucket.bySecond.get(stems.ids[j]);
						if (b != null) {
							tryAll(b, tokens, stems, i, used, out);
						}
					}
				}
			}
			for (int lang = 0; lang < this.byFirstStem.size(); lang++) {
				int stem = stems.of(lang, i);
				if (stem >= 0) {
					Bucket<T> b = at(this.byFirstStem.get(lang), stem);
					if (b != null) {
						tryInOrder(b, tokens, stems, i, used, out);
					}
				}
			}
		}
		return out;
	}

	/**
	 * Tries, in the order they were added, the bucket's patterns that can match at token {@code i}:
	 * those with any second word, and those whose second word (or its stem) stands at one of the
	 * places a match could put it (the next token, or up to MAX_SKIPPED skip words later).
	 */
	private void tryInOrder(Bucket<T> bucket, Tokens tokens, Stems stems, int i, int[] used, List<Match<T>> out) {
		if (bucket.bySecondWord.isEmpty() && bucket.bySecondStem.isEmpty()) {
			tryAll(bucket.anySecond, tokens, stems, i, used, out);
			return;
		}
		List<Pattern<T>> chosen = new ArrayList<>(bucket.anySecond);
		int always = chosen.size();
		for (int j = i + 1; j < tokens.size && j <= i + 1 + MAX_SKIPPED; j++) {
			if (j > i + 1 && !stems.isSkipInAny(j - 1)) {
				break;
			}
			if (stems.ids[j] >= 0) {
				List<Pattern<T>> b = bucket.bySecondWord.get(stems.ids[j]);
				if (b != null) {
					chosen.addAll(b);
				}
			}
			for (int lang = 0; bucket.stemLanguages >> lang != 0; lang++) {
				if ((bucket.stemLanguages & 1 << lang) != 0) {
					int stem = stems.of(lang, j);
					List<Pattern<T>> b = stem < 0 ? null : bucket.bySecondStem.get(stemKey(stem, lang));
					if (b != null) {
						chosen.addAll(b);
					}
				}
			}
		}
		if (chosen.size() > always) {
			chosen.sort(java.util.Comparator.comparingInt(Pattern::order));
			// a second word standing twice in reach chose its patterns twice: try each once
			for (int k = chosen.size() - 1; k > 0; k--) {
				if (chosen.get(k) == chosen.get(k - 1)) {
					chosen.remove(k);
				}
			}
		}
		tryAll(chosen, tokens, stems, i, used, out);
	}

	/**
	 * True when the word at {@code j} already stood between {@code from} and {@code j}: its patterns were
	 * tried. Compared by id: only words with an id (not -1) are asked about.
	 */
	private static boolean seenBetween(Stems stems, int from, int j) {
		for (int k = from; k < j; k++) {
			if (stems.ids[k] == stems.ids[j]) {
				return true;
			}
		}
		return false;
	}

	private void tryAll(List<Pattern<T>> patterns, Tokens tokens, Stems stems, int i, int[] used, List<Match<T>> out) {
		for (Pattern<T> p : patterns) {
			Match<T> m = match(p, tokens, stems, i, used);
			if (m != null) {
				out.add(m);
			}
		}
	}

	private Match<T> match(Pattern<T> p, Tokens tokens, Stems stems, int first, int[] used) {
		int lang = p.lang();
		int n = 0;
		int j = first;
		int skipped = 0;
		int k = 0;
		while (k < p.words().length) {
			Word w = p.words()[k];
			boolean here = j < tokens.size && tokens.sentence[j] == tokens.sentence[first];
			if (here && (matches(w, lang, stems, j) || w.optional() && stems.isArticle(lang, j))) {
				used[n++] = j;
				j++;
				k++;
			}
			else if (w.optional()) {
				k++;
			}
			else if (k > 0 && skipped < MAX_SKIPPED && here && stems.isSkip(lang, j)) {
				skipped++;
				j++;
			}
			else {
				return null;
			}
		}
		return new Match<>(p, first, j - 1, java.util.Arrays.copyOf(used, n));
	}

	private static boolean matches(Word w, int lang, Stems stems, int j) {
		if (w.exact() >= 0) {
			return w.exact() == stems.ids[j];
		}
		return w.stem() == stems.of(lang, j);
	}

	/**
	 * The word ids, stems and skip/article bits of a text's tokens, each word looked up once in the
	 * {@link WordIndex} (which remembers words it has seen).
	 */
	static final class Stems {

		/** Per token, the id of its word ({@link WordIndex#id}), -1 when no pattern has it. */
		final int[] ids;

		/** Per token, per language index: the id of its stem, -1 when none that a pattern uses. */
		private final int[][] stems;

		/** Per token, its skip-word and article bits for every language ({@link WordIndex#kinds}). */
		private final int[] kinds;

		Stems(Tokens tokens, WordIndex index) {
			this.ids = new int[tokens.size];
			this.kinds = new int[tokens.size];
			this.stems = new int[tokens.size][];
			for (int i = 0; i < tokens.size; i++) {
				WordIndex.TextWord word = index.word(tokens.words[i]);
				this.ids[i] = word.id();
				this.kinds[i] = word.kinds();
				this.stems[i] = word.stems();
			}
		}

		/** The id of the token's stem in the language, -1 when it has none that a pattern uses. */
		int of(int lang, int i) {
			return this.stems[i][lang];
		}

		/** A skip word of some language: only then can a pattern's next word come later. */
		boolean isSkipInAny(int i) {
			return (this.kinds[i] & 0xFFFF) != 0;
		}

		boolean isSkip(int lang, int i) {
			return (this.kinds[i] & (1 << lang)) != 0;
		}

		boolean isArticle(int lang, int i) {
			return (this.kinds[i] & (1 << (lang + WordIndex.ARTICLE_SHIFT))) != 0;
		}

	}

}
