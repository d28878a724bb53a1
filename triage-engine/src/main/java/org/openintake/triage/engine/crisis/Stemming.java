package org.openintake.triage.engine.crisis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Morphology: the Snowball stemmer of each language, applied to folded words (lower case, no
 * accents) on both sides, lexicon and text, so "jumped", "jumping" and "jump" meet, and so do
 * "mato", "matar" and "matando". Snowball was chosen over Lucene's light stemmers because it
 * strips verb endings, which is where crisis wording varies most (measured in CLINICAL-SAFETY.md).
 *
 * <p>Guards against harmful stems: words of {@value #MIN_STEMMED} letters or fewer are never
 * stemmed, on either side ("tue" must not meet "tu"); a lexicon word written {@code =word} is
 * matched exactly; a stem shorter than three letters is not used.
 */
final class Stemming {

	static final int MIN_STEMMED = 3;

	private static final Map<String, Supplier<SnowballStemmer>> STEMMERS = Map.of("en", EnglishStemmer::new, "es",
			SpanishStemmer::new, "de", German2Stemmer::new, "fr", FrenchStemmer::new, "it", ItalianStemmer::new);

	/** Snowball programs keep state: one per thread and language. */
	private static final ThreadLocal<Map<String, SnowballStemmer>> LOCAL = ThreadLocal.withInitial(() -> {
		Map<String, SnowballStemmer> m = new java.util.HashMap<>();
		STEMMERS.forEach((k, v) -> m.put(k, v.get()));
		return m;
	});

	private Stemming() {
	}

	static boolean supports(String language) {
		return STEMMERS.containsKey(language);
	}

	/** The stem of a folded word, or null when the word is too short to be stemmed safely. */
	static String stem(String language, String word) {
		return stem(MEMO.get(language), language, word);
	}

	static String stem(Map<String, String> memo, String language, String word) {
		if (word.length() <= MIN_STEMMED || memo == null) {
			return null;
		}
		String known = memo.get(word);
		if (known != null) {
			return known.isEmpty() ? null : known;
		}
		String stem = compute(language, word);
		if (memo.size() < MEMO_LIMIT) {
			memo.put(word, stem == null ? "" : stem);
		}
		return stem;
	}

	/**
	 * Stems already computed, per language: a pure function of the word, so remembering it changes
	 * no result. Bounded, so an endless stream of new words cannot grow it without limit.
	 */
	private static final Map<String, Map<String, String>> MEMO = Map.of("en", new ConcurrentHashMap<>(), "es",
			new ConcurrentHashMap<>(), "de", new ConcurrentHashMap<>(), "fr", new ConcurrentHashMap<>(), "it",
			new ConcurrentHashMap<>());

	private static final int MEMO_LIMIT = 50_000;

	private static String compute(String language, String word) {
		SnowballStemmer s = LOCAL.get().get(language);
		if (s == null) {
			return null;
		}
		s.setCurrent(word);
		s.stem();
		String stem = s.getCurrent();
		return stem.length() < 3 ? null : stem;
	}

}
