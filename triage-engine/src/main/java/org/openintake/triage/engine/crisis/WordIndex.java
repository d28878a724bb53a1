package org.openintake.triage.engine.crisis;

import java.util.List;

/**
 * A letter trie of every stem and every spelling of the lexicon and frame words, per language, so
 * a text word is stemmed only when it starts like one of them: stemming every word of a text in
 * five languages would cost more than the rest of the detector.
 */
final class WordIndex {

	private final List<String> languages;

	// node -> child per letter a-z (index 0-25) and digit '0' (26); 0 = none
	private int[][] children = new int[1024][];

	private int[] mask = new int[1024];

	private int nodes = 1;

	private final List<java.util.Set<String>> skipWords;

	private final List<java.util.Set<String>> articles;

	/**
	 * @param skipWords per language, the words a phrase may have in excess (see {@link WordPatterns})
	 * @param articles per language, the articles a phrase may leave out or exchange
	 */
	WordIndex(List<String> languages, java.util.Map<String, java.util.Set<String>> skipWords,
			java.util.Map<String, java.util.Set<String>> articles) {
		this.languages = List.copyOf(languages);
		this.skipWords = this.languages.stream().map(l -> java.util.Set.copyOf(skipWords.getOrDefault(l, java.util.Set.of()))).toList();
		this.articles = this.languages.stream().map(l -> java.util.Set.copyOf(articles.getOrDefault(l, java.util.Set.of()))).toList();
		for (int l = 0; l < this.languages.size(); l++) {
			for (String w : this.skipWords.get(l)) {
				addKind(intern(w), 1 << l);
			}
			for (String w : this.articles.get(l)) {
				addKind(intern(w), 1 << (l + ARTICLE_SHIFT));
			}
		}
		this.children[0] = new int[27];
	}

	static final int ARTICLE_SHIFT = 16;

	/**
	 * Every word and stem the patterns name, and every skip word and article, as a number: a text word
	 * is looked up here once, and the matchers then compare numbers instead of hashing and comparing
	 * strings at every step. Filled at load only; read-only (and so thread-safe) afterwards.
	 */
	private final java.util.Map<String, Integer> ids = new java.util.HashMap<>();

	/** Word id -> bit l: a skip word of language l; bit 16 + l: an article of language l. */
	private int[] kindsById = new int[64];

	/** The id of a lexicon word or stem, given it one if it has none (at load). */
	int intern(String word) {
		Integer id = this.ids.get(word);
		if (id == null) {
			id = this.ids.size();
			this.ids.put(word, id);
		}
		return id;
	}

	/** The id of a word or stem, or -1 when no pattern, skip word or article has it. */
	int id(String word) {
		Integer id = this.ids.get(word);
		return id == null ? -1 : id;
	}

	private void addKind(int id, int bit) {
		if (id >= this.kindsById.length) {
			this.kindsById = java.util.Arrays.copyOf(this.kindsById, Math.max(id + 1, this.kindsById.length * 2));
		}
		this.kindsById[id] |= bit;
	}

	/** The skip-word and article bits of a word id (see {@link #kindsById}), one read for all languages. */
	int kinds(int id) {
		return id >= 0 && id < this.kindsById.length ? this.kindsById[id] : 0;
	}

	/**
	 * What the word-level matchers need to know of a text word, found with one lookup per word.
	 *
	 * @param id its {@link #id}, -1 when no pattern has it
	 * @param kinds its skip-word and article bits ({@link #kinds(int)})
	 * @param stems per language index, the id of its stem, -1 when it has none that a pattern uses;
	 * stemmed only in the languages where it starts like a lexicon word ({@link #prefixLanguages})
	 */
	record TextWord(int id, int kinds, int[] stems) {
	}

	/**
	 * Text words already seen: a pure function of the word (and of the lexicons this index was built
	 * from), so remembering it changes no result. Bounded, so an endless stream of new words cannot
	 * grow it without limit.
	 */
	private final java.util.concurrent.ConcurrentHashMap<String, TextWord> seen = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int SEEN_LIMIT = 50_000;

	/** A text word's ids and stems; asked only once loading is done, so ids no longer change. */
	TextWord word(String word) {
		TextWord known = this.seen.get(word);
		if (known != null) {
			return known;
		}
		int id = id(word);
		int mask = word.length() > Stemming.MIN_STEMMED ? prefixLanguages(word) : 0;
		int[] stems = new int[this.languages.size()];
		for (int l = 0; l < stems.length; l++) {
			String stem = (mask & (1 << l)) == 0 ? null : Stemming.stem(this.languages.get(l), word);
			stems[l] = stem == null ? -1 : id(stem);
		}
		TextWord computed = new TextWord(id, kinds(id), stems);
		if (this.seen.size() < SEEN_LIMIT) {
			this.seen.put(word, computed);
		}
		return computed;
	}

	java.util.Set<String> skipWords(int language) {
		return this.skipWords.get(language);
	}

	java.util.Set<String> articles(int language) {
		return this.articles.get(language);
	}

	int language(String language) {
		int i = this.languages.indexOf(language);
		if (i < 0) {
			throw new IllegalStateException("unknown language " + language);
		}
		return i;
	}

	String languageName(int index) {
		return this.languages.get(index);
	}

	int languageCount() {
		return this.languages.size();
	}

	private int bit(String language) {
		return 1 << language(language);
	}

	void add(String language, String surface, String stem) {
		if (stem == null) {
			return; // matched exactly: no need to stem text words for it
		}
		insert(surface, bit(language));
		insert(stem, bit(language));
		if (stem.length() >= 4) {
			// "hide" / "hiding", "prendere" / "presi": the stem's last letter is often not written
			insert(stem.substring(0, stem.length() - 1), bit(language));
		}
	}

	private void insert(String word, int bit) {
		int node = 0;
		for (int i = 0; i < word.length(); i++) {
			int c = slot(word.charAt(i));
			if (c < 0) {
				return;
			}
			int next = this.children[node][c];
			if (next == 0) {
				if (this.nodes == this.children.length) {
					this.children = java.util.Arrays.copyOf(this.children, this.nodes * 2);
					this.mask = java.util.Arrays.copyOf(this.mask, this.nodes * 2);
				}
				next = this.nodes++;
				this.children[next] = new int[27];
				this.children[node][c] = next;
			}
			node = next;
		}
		this.mask[node] |= bit;
	}

	/** The languages with a stem or word that is a prefix of (or equal to) the given word. */
	int prefixLanguages(String word) {
		int node = 0;
		int found = 0;
		for (int i = 0; i < word.length(); i++) {
			int c = slot(word.charAt(i));
			if (c < 0) {
				return found;
			}
			node = this.children[node][c];
			if (node == 0) {
				return found;
			}
			found |= this.mask[node];
		}
		return found;
	}

	private static int slot(char c) {
		if (c >= 'a' && c <= 'z') {
			return c - 'a';
		}
		return c == '0' ? 26 : -1;
	}

}
