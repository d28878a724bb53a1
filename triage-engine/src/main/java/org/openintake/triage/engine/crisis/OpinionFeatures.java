package org.openintake.triage.engine.crisis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * What the second opinion reads in a run of words: every content word by its Snowball stem in the
 * writer's language ("goodbyes" and "goodbye" are one feature; a word of three letters or fewer as
 * written), and every pair of neighbouring content words in one sentence ("letters kids", "wake
 * morning"), so a word's sense can depend on its neighbour. Function words (Snowball's stop lists:
 * "I", "have", "been", "the") are left out: a model that leans on them learns who writes, not what
 * is written, and names evidence no clinician can read. Negations, "myself"-words and a few others
 * that change what a sentence means stay. Training and the engine use this one class, so the model
 * reads text exactly as it was trained to.
 */
final class OpinionFeatures {

	/** Stop words that change what a crisis sentence means: kept as features (folded spelling). */
	private static final Set<String> KEPT = Set.of("not", "no", "nor", "myself", "me", "off", "again", "all", "alone",
			"ni", "nada", "nadie", "mas", "todo", "todos", "mich", "mir", "nicht", "kein", "keine", "keinen", "nichts",
			"alles", "allein", "pas", "ne", "plus", "rien", "jamais", "moi", "tout", "tous", "seul", "non", "mi", "piu",
			"niente", "mai", "tutto", "tutti", "solo");

	/** Per language, the Snowball stop words less {@link #KEPT}, folded as text is. */
	private static final Map<String, Set<String>> STOP = Map.of("en", stopWords("english"), "es", stopWords("spanish"),
			"de", stopWords("german"), "fr", stopWords("french"), "it", stopWords("italian"));

	/**
	 * One feature and the words it came from (token indices, inclusive), so a flag can quote the
	 * patient's words that weighed.
	 */
	record Feature(String name, int first, int last) {
	}

	private OpinionFeatures() {
	}

	/** Receives the features of a run of words as they are read, without building their names. */
	interface Sink {

		/** A content word, by its key (stem, or the word when too short to stem), at token {@code at}. */
		void word(String key, int at);

		/** Two neighbouring content words of one sentence, at tokens {@code first} and {@code last}. */
		void pair(String previous, String key, int first, int last);

	}

	/** Reads tokens [from, to) into the sink: the one definition of the features, for training and the engine. */
	static void read(Tokens tokens, int from, int to, String language, Sink sink) {
		Set<String> stop = STOP.getOrDefault(language, Set.of());
		String previous = null;
		int previousAt = -1;
		for (int i = from; i < to; i++) {
			String word = tokens.words[i];
			if (stop.contains(word)) {
				continue;
			}
			String stem = Stemming.stem(language, word);
			String key = stem != null ? stem : word;
			sink.word(key, i);
			if (previous != null && tokens.sentence[i] == tokens.sentence[previousAt]) {
				sink.pair(previous, key, previousAt, i);
			}
			previous = key;
			previousAt = i;
		}
	}

	/** The name a word feature has in the weights file. */
	static String wordName(String key) {
		return "w:" + key;
	}

	/** The name a pair feature has in the weights file. */
	static String pairName(String previous, String key) {
		return "p:" + previous + " " + key;
	}

	/** The features of tokens [from, to) by name, each once (where it first occurs): for training. */
	static List<Feature> of(Tokens tokens, int from, int to, String language) {
		Map<String, Feature> out = new LinkedHashMap<>();
		read(tokens, from, to, language, new Sink() {

			@Override
			public void word(String key, int at) {
				out.putIfAbsent(wordName(key), new Feature(wordName(key), at, at));
			}

			@Override
			public void pair(String previous, String key, int first, int last) {
				out.putIfAbsent(pairName(previous, key), new Feature(pairName(previous, key), first, last));
			}

		});
		return new ArrayList<>(out.values());
	}

	private static Set<String> stopWords(String language) {
		try (Reader in = IOUtils.getDecodingReader(SnowballFilter.class, language + "_stop.txt", StandardCharsets.UTF_8)) {
			Set<String> out = new HashSet<>();
			for (Object word : WordlistLoader.getSnowballWordSet(in)) {
				String folded = Folding.primary(new String((char[]) word)).text;
				if (!KEPT.contains(folded)) {
					out.add(folded);
				}
			}
			return Set.copyOf(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Snowball stop words for " + language, ex);
		}
	}

}
