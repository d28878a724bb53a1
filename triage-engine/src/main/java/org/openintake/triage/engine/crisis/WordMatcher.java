package org.openintake.triage.engine.crisis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word-level matchers that run beside the phrase automaton: lexicon phrases with morphology
 * and skipped words ("flexible phrases"), concept frames, and the "someone else" frame that
 * becomes an other-experiencer context cue.
 */
final class WordMatcher {

	/** Words allowed between an owner word and its person noun: "my <i>best</i> friend", "mi <i>mejor</i> amiga". */
	private static final int OWNER_GAP = 2;

	private final WordIndex index;

	/** Lexicon phrases (payload: the entry) and slot words (payload: the slot's name), in one pass. */
	private final WordPatterns<Object> patterns;

	private final Frames frames;

	private final List<String> languages;

	/** Per language, the one-word negations ("not", "no", "nicht", "ne", "non"): a filler holding one owns it. */
	private final Map<String, Set<String>> negations = new HashMap<>();

	/** German one-word noun slot words (and their plural spellings as listed) -> slot. */
	private final Map<String, String> compoundEnds = new HashMap<>();

	WordMatcher(Lexicon lexicon, Frames frames) {
		this.frames = frames;
		this.languages = List.copyOf(lexicon.languages);
		this.index = new WordIndex(this.languages, frames.skipWords, frames.articles);
		this.patterns = new WordPatterns<>(frames.articles, this.index);
		for (String language : this.languages) {
			Set<String> words = new java.util.HashSet<>();
			for (String cue : lexicon.cueWords(language, Term.CueType.NEGATION)) {
				if (cue.indexOf(' ') < 0) {
					words.add(cue);
				}
			}
			this.negations.put(language, Set.copyOf(words));
		}
		lexicon.phrases.forEach((phrase, terms) -> {
			for (Term t : terms) {
				// one-word entries stay exact (the automaton has them): "overdosed" must not become
				// every "overdose", as in "an overdose of coffee"
				if (t instanceof Term.Entry entry && phrase.indexOf(' ') > 0) {
					this.patterns.add(entry.language(), phrase, false, entry);
				}
			}
		});
		frames.slotWords.forEach((language, bySlot) -> bySlot.forEach((slot, words) -> {
			for (String w : words) {
				boolean exact = w.startsWith("=");
				this.patterns.add(language, exact ? w.substring(1) : w, exact, slot);
			}
		}));
		frames.slotWords.forEach(WordMatcher::checkBenignStems);
		frames.slotWords.getOrDefault("de", Map.of()).forEach((slot, words) -> {
			if (COMPOUND_SLOTS.contains(slot)) {
				for (String w : words) {
					String word = w.startsWith("=") ? w.substring(1) : w;
					if (word.indexOf(' ') < 0 && word.length() >= 5) {
						this.compoundEnds.put(word, slot);
					}
				}
			}
		});
	}

	/**
	 * A harmful stem: a BENIGN word that stems like a word of another slot would block every frame
	 * that word fills ("farmacia" and "farmaci" both stem to "farmac"). Such a word must be written
	 * "=word" (matched as written); the load fails naming it.
	 */
	private static void checkBenignStems(String language, Map<String, List<String>> bySlot) {
		Map<String, String> stems = new HashMap<>();
		bySlot.forEach((slot, words) -> {
			if (slot.equals(Frames.BENIGN)) {
				return;
			}
			for (String w : words) {
				if (w.startsWith("=")) {
					continue;
				}
				for (String word : w.split(" ")) {
					String stem = Stemming.stem(language, word);
					if (stem != null) {
						stems.put(stem, slot + " '" + w + "'");
					}
				}
			}
		});
		for (String w : bySlot.getOrDefault(Frames.BENIGN, List.of())) {
			if (!w.startsWith("=") && w.indexOf(' ') < 0) {
				String stem = Stemming.stem(language, w);
				if (stem != null && stems.containsKey(stem)) {
					throw new IllegalStateException("frames-" + language + ".yaml: BENIGN '" + w + "' stems like "
							+ stems.get(stem) + " (\"" + stem + "\"); write it \"=" + w + "\"");
				}
			}
		}
	}

	/**
	 * @param otherSpans "someone else" cues (owner word + person noun, reported speech)
	 * @param benignSpans everyday-purpose words (the BENIGN slot, any language)
	 */
	record Result(List<Candidate> candidates, List<int[]> otherSpans, List<int[]> benignSpans) {
	}

	private record Hit(String slot, int first, int last, int[] used) {
	}

	/** @param tokens the view's words, cut once per text by the detector (the second opinion reads them too) */
	Result find(FoldedText view, Tokens tokens, Set<String> exactPhrases) {
		if (tokens.size == 0) {
			return new Result(List.of(), List.of(), List.of());
		}
		WordPatterns.Stems stems = new WordPatterns.Stems(tokens, this.index);
		List<Candidate> out = new ArrayList<>();
		Map<String, Map<String, List<Hit>>> hits = new HashMap<>();
		for (WordPatterns.Match<Object> m : this.patterns.find(tokens, stems)) {
			if (m.pattern().payload() instanceof String slot) {
				hits.computeIfAbsent(m.pattern().language(), k -> new HashMap<>())
					.computeIfAbsent(slot, k -> new ArrayList<>())
					.add(new Hit(slot, m.first(), m.last(), m.used()));
				continue;
			}
			int s = tokens.start[m.first()];
			int e = tokens.end[m.last()];
			if (exactPhrases.contains(view.text.substring(s, e))) {
				continue; // the automaton found it as written
			}
			Term.Entry entry = (Term.Entry) m.pattern().payload();
			if (entry.experiencer() == Term.Experiencer.SELF) {
				// a stem drops the person ending ("quiero" / "quiere", "je veux" / "il veut"): the
				// words no longer say who it is, so the context decides
				entry = new Term.Entry(entry.id(), entry.language(), entry.category(), entry.severity(), Term.Experiencer.ANY);
			}
			out.add(new Candidate(entry, s, e, false, parts(tokens, m.used()), true, List.of()));
		}
		germanCompounds(tokens, hits);
		List<int[]> others = new ArrayList<>();
		for (String language : this.languages) {
			Map<String, List<Hit>> bySlot = hits.get(language);
			if (bySlot != null) {
				otherPeople(language, bySlot, tokens, others);
			}
		}
		for (String language : this.languages) {
			Map<String, List<Hit>> bySlot = hits.get(language);
			if (bySlot == null) {
				continue;
			}
			// "mi" in "mi prima" is an owner word, not the patient as object ("mi ammazzo")
			for (String slot : List.of(Frames.SELF_OBJ, Frames.ME_OBJ)) {
				List<Hit> self = bySlot.get(slot);
				if (self != null) {
					self.removeIf(h -> insideAny(tokens, h, others));
				}
			}
			// "the neighbour's dog", "el perro del vecino", "der Mann meiner Schwester": a person who owns
			// something, or stands after "of", is not the one who acts
			List<Hit> abusers = bySlot.get("ABUSER");
			if (abusers != null) {
				abusers.removeIf(h -> possessor(tokens, h) || h.first() > 0 && OF.contains(tokens.words[h.first() - 1])
						|| h.first() > 1 && OF.contains(tokens.words[h.first() - 2]) && isOwner(bySlot, h.first() - 1));
			}
			for (Frame frame : this.frames.frames) {
				frames(frame, language, bySlot, tokens, out);
			}
		}
		List<int[]> benign = new ArrayList<>();
		hits.values().forEach(bySlot -> bySlot.getOrDefault(Frames.BENIGN, List.of())
			.forEach(h -> benign.add(new int[] { tokens.start[h.first()], tokens.end[h.last()] })));
		return new Result(out, others, benign);
	}

	private void frames(Frame frame, String language, Map<String, List<Hit>> bySlot, Tokens tokens, List<Candidate> out) {
		for (String slot : frame.slots()) {
			if (!bySlot.containsKey(slot)) {
				return;
			}
		}
		Set<String> breaks = this.frames.clauseBreaks.getOrDefault(language, Set.of());
		for (Hit first : bySlot.get(frame.slots().get(0))) {
			List<Hit> chosen = new ArrayList<>(frame.slots().size());
			chosen.add(first);
			for (int k = 1; k < frame.slots().size() && chosen.size() == k; k++) {
				Hit best = null;
				for (Hit h : bySlot.get(frame.slots().get(k))) {
					if (tokens.sentence[h.first()] != tokens.sentence[first.first()] || overlapsAny(h, chosen)) {
						continue;
					}
					if (best == null || Math.abs(h.first() - first.first()) < Math.abs(best.first() - first.first())) {
						best = h;
					}
				}
				if (best != null) {
					chosen.add(best);
				}
			}
			if (chosen.size() < frame.slots().size()) {
				continue;
			}
			int lo = Integer.MAX_VALUE;
			int hi = -1;
			for (Hit h : chosen) {
				lo = Math.min(lo, h.first());
				hi = Math.max(hi, h.last());
			}
			if (hi - lo > frame.window() || !inOrder(frame, chosen) || !near(frame, chosen, tokens) || breakBetween(tokens, breaks, lo, hi) || blocked(frame, bySlot, tokens, breaks, lo, hi)) {
				continue;
			}
			chosen.sort(java.util.Comparator.comparingInt(Hit::first));
			List<Candidate.Filler> fillers = new ArrayList<>();
			int[] parts = new int[chosen.size() * 2];
			for (int i = 0; i < chosen.size(); i++) {
				Hit h = chosen.get(i);
				parts[i * 2] = tokens.start[h.first()];
				parts[i * 2 + 1] = tokens.end[h.last()];
				fillers.add(new Candidate.Filler(h.slot(), parts[i * 2], parts[i * 2 + 1], holdsNegation(tokens, h, language)));
			}
			Candidate c = new Candidate(frame.entry(language), parts[0], parts[parts.length - 1], false, parts, true,
					List.copyOf(fillers));
			if (out.stream().noneMatch(o -> o.entry().equals(c.entry()) && o.start() == c.start() && o.end() == c.end())) {
				out.add(c);
			}
		}
	}

	private boolean holdsNegation(Tokens tokens, Hit h, String language) {
		Set<String> words = this.negations.getOrDefault(language, Set.of());
		for (int i = h.first(); i <= h.last(); i++) {
			if (words.contains(tokens.words[i])) {
				return true;
			}
		}
		return false;
	}

	private static boolean isOwner(Map<String, List<Hit>> bySlot, int token) {
		for (Hit h : bySlot.getOrDefault(Frames.OWNER, List.of())) {
			if (h.first() == token) {
				return true;
			}
		}
		return false;
	}

	private static boolean insideAny(Tokens tokens, Hit h, List<int[]> spans) {
		for (int[] span : spans) {
			if (span[0] <= tokens.start[h.first()] && tokens.end[h.last()] <= span[1]) {
				return true;
			}
		}
		return false;
	}

	private static boolean inOrder(Frame frame, List<Hit> chosen) {
		for (List<String> chain : frame.order()) {
			int previous = -1;
			for (String slot : chain) {
				for (Hit h : chosen) {
					if (h.slot().equals(slot)) {
						if (h.first() <= previous) {
							return false;
						}
						previous = h.first();
					}
				}
			}
		}
		return true;
	}

	/** A word between two "near" fillers may be an auxiliary, never "and"/"y"/"und"/"et"/"e" or "but". */
	private static final Set<String> COORDINATORS = Set.of("and", "or", "but", "y", "o", "pero", "und", "oder", "aber", "et",
			"ou", "mais", "e", "ma");

	private static boolean near(Frame frame, List<Hit> chosen, Tokens tokens) {
		for (List<String> pair : frame.near()) {
			Hit a = null;
			Hit b = null;
			for (Hit h : chosen) {
				if (h.slot().equals(pair.get(0))) {
					a = h;
				}
				else if (h.slot().equals(pair.get(1))) {
					b = h;
				}
			}
			if (a != null && b != null) {
				int from = Math.min(a.last(), b.last()) + 1;
				int to = Math.max(a.first(), b.first());
				if (to - from > Frame.NEAR) {
					return false;
				}
				for (int i = from; i < to; i++) {
					if (COORDINATORS.contains(tokens.words[i])) {
						return false;
					}
				}
			}
		}
		return true;
	}

	private static boolean overlapsAny(Hit h, List<Hit> chosen) {
		for (Hit c : chosen) {
			if (h.first() <= c.last() && c.first() <= h.last()) {
				return true;
			}
		}
		return false;
	}

	private static boolean breakBetween(Tokens tokens, Set<String> breaks, int lo, int hi) {
		for (int i = lo + 1; i < hi; i++) {
			if (breaks.contains(tokens.words[i])) {
				return true;
			}
		}
		return false;
	}

	/** A benign purpose ("for climbing", "for the barbecue") anywhere in the frame's clause. */
	private static boolean blocked(Frame frame, Map<String, List<Hit>> bySlot, Tokens tokens, Set<String> breaks, int lo,
			int hi) {
		if (frame.unless().isEmpty()) {
			return false;
		}
		int from = lo;
		while (from > 0 && tokens.sentence[from - 1] == tokens.sentence[lo] && !breaks.contains(tokens.words[from - 1])) {
			from--;
		}
		int to = hi;
		while (to + 1 < tokens.size && tokens.sentence[to + 1] == tokens.sentence[hi] && !breaks.contains(tokens.words[to + 1])) {
			to++;
		}
		for (String slot : frame.unless()) {
			for (Hit h : bySlot.getOrDefault(slot, List.of())) {
				if (h.first() >= from && h.last() <= to) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * "My (older) brother", "mi mejor amiga", "meine Mutter", "ma sœur", "il mio collega": an owner
	 * word and a person noun, whatever words of the language's skip list or up to two others sit
	 * between; and reported speech ("told me", "talked about") with no first-person word just before.
	 * Each becomes an other-experiencer cue for the context rules.
	 */
	private void otherPeople(String language, Map<String, List<Hit>> bySlot, Tokens tokens, List<int[]> others) {
		List<Hit> owners = bySlot.getOrDefault(Frames.OWNER, List.of());
		for (Hit person : bySlot.getOrDefault(Frames.PERSON, List.of())) {
			if (possessor(tokens, person)) {
				continue;
			}
			for (Hit owner : owners) {
				if (owner.last() < person.first() && person.first() - owner.last() - 1 <= OWNER_GAP
						&& tokens.sentence[owner.first()] == tokens.sentence[person.first()]
						&& !(owner.first() > 0 && OF.contains(tokens.words[owner.first() - 1]))) {
					others.add(new int[] { tokens.start[owner.first()], tokens.end[person.last()] });
					break;
				}
			}
		}
		Set<String> self = this.frames.firstPerson.getOrDefault(language, Set.of());
		for (Hit reported : bySlot.getOrDefault(Frames.REPORTED, List.of())) {
			boolean selfBefore = false;
			for (int i = Math.max(0, reported.first() - 3); i < reported.first(); i++) {
				if (self.contains(tokens.words[i]) && tokens.sentence[i] == tokens.sentence[reported.first()]) {
					selfBefore = true;
				}
			}
			if (!selfBefore) {
				others.add(new int[] { tokens.start[reported.first()], tokens.end[reported.last()] });
			}
		}
	}

	/** Noun slots whose words also end German compounds ("Autobahnbrücke", "Schlaftabletten"). */
	private static final Set<String> COMPOUND_SLOTS = Set.of("PLACE", "MEDICINE", "LETHAL", "BODY");

	/**
	 * German writes compounds as one word: "Autobahnbrücke" is a bridge. A long German word whose
	 * last part (at least five letters, after at least three) is a one-word PLACE, MEDICINE, LETHAL
	 * or BODY word fills that slot.
	 */
	private void germanCompounds(Tokens tokens, Map<String, Map<String, List<Hit>>> hits) {
		if (this.compoundEnds.isEmpty()) {
			return;
		}
		Map<String, List<Hit>> de = null;
		for (int i = 0; i < tokens.size; i++) {
			String w = tokens.words[i];
			if (w.length() < 8) {
				continue;
			}
			for (int cut = 3; cut <= w.length() - 5; cut++) {
				String slot = this.compoundEnds.get(w.substring(cut));
				if (slot != null) {
					if (de == null) {
						de = hits.computeIfAbsent("de", k -> new HashMap<>());
					}
					de.computeIfAbsent(slot, k -> new ArrayList<>()).add(new Hit(slot, i, i, new int[] { i }));
					break;
				}
			}
		}
	}

	/** "of", "de", "di", "von": the person owns something ("the pills of my mother"); they are not the subject. */
	private static final Set<String> OF = Set.of("of", "de", "di", "del", "della", "von", "vom", "des", "du", "dal",
			"dalla", "meiner", "meines", "seiner", "ihrer");

	/** "my mum's tablets": the folded view spells the possessive 's as a word of its own. */
	private static boolean possessor(Tokens tokens, Hit person) {
		int next = person.last() + 1;
		return next < tokens.size && tokens.end[next] - tokens.start[next] == 1 && tokens.start[next] == tokens.end[person.last()] + 1
				&& (tokens.words[next].equals("s") || tokens.words[next].equals("se"));
	}

	/** The spans of the used tokens, neighbouring ones merged. */
	private static int[] parts(Tokens tokens, int[] used) {
		List<int[]> spans = new ArrayList<>();
		for (int u : used) {
			int s = tokens.start[u];
			int e = tokens.end[u];
			if (!spans.isEmpty() && spans.get(spans.size() - 1)[1] >= s - 1) {
				int[] last = spans.get(spans.size() - 1);
				last[1] = Math.max(last[1], e);
			}
			else {
				spans.add(new int[] { s, e });
			}
		}
		int[] out = new int[spans.size() * 2];
		for (int i = 0; i < spans.size(); i++) {
			out[i * 2] = spans.get(i)[0];
			out[i * 2 + 1] = spans.get(i)[1];
		}
		return out;
	}

}
