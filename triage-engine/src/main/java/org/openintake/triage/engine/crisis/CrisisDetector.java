package org.openintake.triage.engine.crisis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openintake.events.CaseTriaged;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;

/**
 * Finds crisis language in free text, in every loaded language at once. Immutable and thread-safe
 * once loaded: all phrases are compiled into two Aho-Corasick automata, one over the folded text
 * and one over the obfuscation/misspelling view, so the cost per text does not grow with the
 * number of phrases.
 */
public final class CrisisDetector {

	/** Suicidal behaviour in the past weighs as the C-SSRS weighs older behaviour: moderate; the rest low. */
	private static final Set<CrisisCategory> BEHAVIOUR = EnumSet.of(CrisisCategory.RECENT_ATTEMPT,
			CrisisCategory.SUICIDE_PREPARATION);

	/**
	 * Crisis phrases, pieces of phrases with gaps and routing topics, spelled as the variant view
	 * spells text: one pass finds plain and disguised phrases alike.
	 */
	private final PhraseAutomaton<List<Term>> phrases;

	/** Context words: read on the exact view, only in the sentences where something was found. */
	private final PhraseAutomaton<List<Term>> context;

	/** Every phrase as folded, to tell a plain match from one found only through a variant. */
	private final Set<String> exactPhrases;

	private final VariantView variantView;

	private final List<String> languages;

	private final String version;

	private final int entryCount;

	private final Set<String> topics;

	/** Flexible phrases, concept frames and the "someone else" frame, on words. */
	private final WordMatcher words;

	/** Cue phrase -> the languages other than its own whose findings it also reads. */
	private final Map<String, Set<String>> crossLanguageCues;

	/** The statistical second opinion: adds a flag where the rules found nothing current in a sentence. */
	private final SecondOpinion opinion;

	/** Training only: read the second opinion in every sentence, also where the rules found something current. */
	private final boolean opinionEverywhere;

	private CrisisDetector(Lexicon lexicon, Frames frames, SecondOpinion opinion, boolean opinionEverywhere) {
		this.opinion = opinion;
		this.opinionEverywhere = opinionEverywhere;
		PhraseAutomaton.Builder<List<Term>> contextBuilder = PhraseAutomaton.builder();
		Map<String, List<Term>> spelled = new java.util.LinkedHashMap<>();
		Set<String> exact = new java.util.HashSet<>();
		lexicon.phrases.forEach((phrase, terms) -> {
			List<Term> cueTerms = terms.stream().filter(t -> t instanceof Term.Cue).toList();
			if (!cueTerms.isEmpty()) {
				contextBuilder.addKeyword(phrase, cueTerms);
			}
			for (Term term : terms) {
				if (term instanceof Term.Cue) {
					continue;
				}
				exact.add(phrase);
				String v = VariantView.phrase(phrase);
				add(spelled, v, term);
				if (term instanceof Term.Entry && v.indexOf(' ') > 0) {
					add(spelled, v.replace(" ", ""), term); // "k i l l m y s e l f" joined into one word
				}
			}
		});
		PhraseAutomaton.Builder<List<Term>> phraseBuilder = PhraseAutomaton.builder();
		spelled.forEach((phrase, terms) -> phraseBuilder.addKeyword(phrase, List.copyOf(terms)));
		this.phrases = phraseBuilder.build();
		this.context = contextBuilder.build();
		this.exactPhrases = Set.copyOf(exact);
		Map<String, Set<String>> phraseLanguages = new java.util.HashMap<>();
		lexicon.phrases.forEach((phrase, terms) -> terms.forEach(
				t -> phraseLanguages.computeIfAbsent(phrase, k -> new java.util.HashSet<>()).add(t.language())));
		this.variantView = new VariantView(lexicon.anchors, phraseLanguages);
		this.languages = List.copyOf(lexicon.languages);
		this.version = String.join(",", lexicon.versions.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue()).toList());
		this.entryCount = lexicon.entryCount;
		this.topics = Set.copyOf(lexicon.topics);
		this.words = new WordMatcher(lexicon, frames);
		this.crossLanguageCues = crossLanguageCues(lexicon, frames);
	}

	/**
	 * Context cues read findings of every language ("mais" negates nothing, but "jamais", "nie",
	 * "never" do in whatever language the crisis words were written), except where a cue is also a
	 * word of the finding's language, and except short single words (two or three letters: "se",
	 * "si", "ma", "mai", "nie" mean different things across the five languages).
	 */
	private static Map<String, Set<String>> crossLanguageCues(Lexicon lexicon, Frames frames) {
		Map<String, Set<String>> own = new java.util.HashMap<>();
		Map<String, Set<String>> phrasesOf = new java.util.HashMap<>();
		lexicon.phrases.forEach((phrase, terms) -> {
			for (Term t : terms) {
				phrasesOf.computeIfAbsent(t.language(), k -> new java.util.HashSet<>()).add(phrase);
				for (String w : phrase.split("[^\\p{L}0-9]+")) {
					own.computeIfAbsent(t.language(), k -> new java.util.HashSet<>()).add(w);
				}
			}
		});
		frames.slotWords.forEach((language, bySlot) -> bySlot.values().forEach(list -> list.forEach(w -> {
			for (String word : w.split("[^\\p{L}0-9]+")) {
				own.computeIfAbsent(language, k -> new java.util.HashSet<>()).add(word);
			}
		})));
		frames.skipWords.forEach((language, list) -> own.computeIfAbsent(language, k -> new java.util.HashSet<>()).addAll(list));
		Map<String, Set<String>> out = new java.util.HashMap<>();
		lexicon.phrases.forEach((phrase, terms) -> {
			for (Term t : terms) {
				if (!(t instanceof Term.Cue cue) || cue.type() == Term.CueType.FIRST_PERSON
						|| cue.type() == Term.CueType.NEGATION_TERMINATOR) {
					continue;
				}
				boolean oneWord = phrase.indexOf(' ') < 0;
				if (oneWord ? phrase.length() < 4 : phrase.length() < 6) {
					continue;
				}
				for (String language : lexicon.languages) {
					if (language.equals(cue.language()) || phrasesOf.getOrDefault(language, Set.of()).contains(phrase)
							|| oneWord && own.getOrDefault(language, Set.of()).contains(phrase)) {
						continue;
					}
					out.computeIfAbsent(phrase, k -> new java.util.HashSet<>()).add(language);
				}
			}
		});
		out.replaceAll((k, v) -> Set.copyOf(v));
		return out; // a HashMap: looked up for every cue found, faster than Map.copyOf's probing
	}

	private static void add(Map<String, List<Term>> spelled, String phrase, Term term) {
		if (phrase.isEmpty()) {
			return;
		}
		List<Term> terms = spelled.computeIfAbsent(phrase, k -> new ArrayList<>(1));
		if (!terms.contains(term)) {
			terms.add(term);
		}
	}

	/** Loads every lexicon listed in {@code crisis/lexicons.yaml} from the classpath. */
	public static CrisisDetector loadDefault() {
		ClassLoader loader = CrisisDetector.class.getClassLoader();
		Lexicon lexicon = Lexicon.load(loader);
		return new CrisisDetector(lexicon, Frames.load(loader, Lexicon.BASE, lexicon), SecondOpinion.load(loader), false);
	}

	/**
	 * The default lexicons and frames with another second opinion (training and its tests);
	 * {@code everywhere} reads it also in sentences the rules already flag, to measure the model alone.
	 */
	static CrisisDetector withOpinion(SecondOpinion opinion, boolean everywhere) {
		ClassLoader loader = CrisisDetector.class.getClassLoader();
		Lexicon lexicon = Lexicon.load(loader);
		return new CrisisDetector(lexicon, Frames.load(loader, Lexicon.BASE, lexicon), opinion, everywhere);
	}


	/** Routing topics the lexicons define. */
	public Set<String> topics() {
		return this.topics;
	}

	public List<String> languages() {
		return this.languages;
	}

	/**
	 * The lexicon versions and the second opinion's, e.g. {@code en@2026-12-01.1,es@...,second-opinion@dev-4664-…}:
	 * every case records which rules and which weights read it.
	 */
	public String version() {
		return this.version + ",second-opinion@" + this.opinion.version();
	}

	public int entryCount() {
		return this.entryCount;
	}

	/**
	 * @param text the patient's words, as written
	 * @param source the field path reported in each flag, e.g. {@code answers.concerns}
	 * @param preferredLanguage the form's language: when a phrase is the same in two languages
	 * ("suicidio"), the flag names this one; it never limits which lexicons run
	 */
	public TextFindings detect(String text, String source, String preferredLanguage) {
		if (text == null || text.isBlank()) {
			return TextFindings.NONE;
		}
		FoldedText variant = this.variantView.view(text, preferredLanguage);
		List<PhraseAutomaton.Emit<List<Term>>> emits = this.phrases.parseText(variant.text);
		FoldedText view = Folding.primary(text);
		Tokens tokens = Tokens.of(view);
		WordMatcher.Result wordLevel = this.words.find(view, tokens, this.exactPhrases);
		String opinionLanguage = preferredLanguage != null && this.languages.contains(preferredLanguage) ? preferredLanguage
				: "en";
		List<Candidate> opinions = secondOpinions(tokens, opinionLanguage);
		if (emits.isEmpty() && wordLevel.candidates().isEmpty() && opinions.isEmpty()) {
			return TextFindings.NONE; // most answers: nothing to read closer
		}
		List<Candidate> candidates = new ArrayList<>(wordLevel.candidates());
		List<int[]> topicSpans = new ArrayList<>();
		List<Term.Topic> topicTerms = new ArrayList<>();
		List<int[]> partSpans = new ArrayList<>();
		List<Term.Part> partTerms = new ArrayList<>();
		for (PhraseAutomaton.Emit<List<Term>> emit : emits) {
			int vs = emit.getStart();
			int ve = emit.getEnd() + 1;
			if (!variant.isWholeWords(vs, ve)) {
				continue;
			}
			int s = view.viewIndexAtOrAfter(variant.originalStart(vs));
			int e = view.viewIndexEndingBy(variant.originalEnd(ve));
			if (s >= e || crossesSentence(view, s, e)) {
				continue;
			}
			boolean plain = this.exactPhrases.contains(view.text.substring(s, e));
			for (Term term : emit.getPayload()) {
				if (term instanceof Term.Entry entry) {
					candidates.add(new Candidate(entry, s, e, !plain));
				}
				else if (term instanceof Term.Part part) {
					partTerms.add(part);
					partSpans.add(new int[] { s, e });
				}
				else if (term instanceof Term.Topic topic) {
					if (!plain) {
						// Disguised spellings are read to find crisis words someone hides, not to route:
						// read that way, a code in the text ("d053") would set a topic ("dose").
						continue;
					}
					int last = topicSpans.size() - 1;
					if (last >= 0 && topicSpans.get(last)[0] == s && topicSpans.get(last)[1] == e) {
						// one word, two lexicons ("alcohol"): read it once, in the form's language if it is one
						if (topic.language().equals(preferredLanguage)) {
							topicTerms.set(last, topic);
						}
					}
					else {
						topicTerms.add(topic);
						topicSpans.add(new int[] { s, e });
					}
				}
			}
		}
		if (candidates.isEmpty() && partTerms.isEmpty() && topicTerms.isEmpty() && opinions.isEmpty()) {
			return TextFindings.NONE;
		}
		List<int[]> spans = new ArrayList<>(partSpans);
		candidates.forEach(c -> spans.add(new int[] { c.start(), c.end() }));
		opinions.forEach(c -> spans.add(new int[] { c.start(), c.end() }));
		List<int[]> scanned = new ArrayList<>();
		List<CueMatch> cues = new ArrayList<>();
		cuesAround(view, spans, scanned, cues);
		cues.removeIf(cue -> cue.cue().type() == Term.CueType.OTHER_EXPERIENCER && ownsSomething(text, view, cue));
		for (int[] other : wordLevel.otherSpans()) {
			// "my older brother", "mi mejor amiga": the someone-else frame, in every language
			cues.add(new CueMatch(new Term.Cue("*", Term.CueType.OTHER_EXPERIENCER), other[0], other[1], null));
		}
		cues.sort(Comparator.comparingInt(CueMatch::start));
		addGappedCandidates(view, partTerms, partSpans, cues, candidates);
		removeIdioms(candidates, cues);
		removeIdiomOpinions(opinions, cues);
		removeBenignPurposes(view, candidates, wordLevel.benignSpans());
		List<Candidate> kept = longestPerCategory(candidates, preferredLanguage);
		cues.removeIf(cue -> insidePhrase(cue, kept));

		List<CrisisFinding> findings = new ArrayList<>(kept.size());
		List<Integer> currentSentences = new ArrayList<>();
		for (Candidate c : kept) {
			CrisisFinding f = finding(text, view, cues, c, source);
			findings.add(f);
			if (f.counts()) {
				currentSentences.add(Context.sentenceStart(view, c.start()));
			}
		}
		for (Candidate c : opinions) {
			// the rules speak for a sentence where they found something current; the model only fills silence
			if (this.opinionEverywhere || !currentSentences.contains(Context.sentenceStart(view, c.start()))) {
				CrisisFinding f = finding(text, view, cues, c, source);
				if (f.counts()) {
					findings.add(f); // a second opinion read as negated, past or someone else's is no opinion at all
				}
			}
		}
		Set<String> topics = new LinkedHashSet<>();
		for (int i = 0; i < topicTerms.size(); i++) {
			Term.Topic topic = topicTerms.get(i);
			if (topics.contains(topic.topic())) {
				continue; // already known from an earlier mention: no need to read this one
			}
			int before = cues.size();
			cuesAround(view, new ArrayList<>(List.of(topicSpans.get(i))), scanned, cues);
			if (cues.size() > before) {
				List<CueMatch> added = cues.subList(before, cues.size());
				added.removeIf(cue -> insidePhrase(cue, kept));
			}
			Candidate asCandidate = new Candidate(new Term.Entry("topic", topic.language(), CrisisCategory.SELF_HARM,
					RiskLevel.NONE, Term.Experiencer.ANY), topicSpans.get(i)[0], topicSpans.get(i)[1], false);
			Context.Reading reading = Context.read(view, cues, asCandidate);
			if (!reading.negated() && !reading.otherExperiencer()) {
				topics.add(topic.topic());
			}
		}
		return new TextFindings(List.copyOf(findings), Collections.unmodifiableSet(topics));
	}

	/** One candidate per sentence the second opinion calls a crisis. */
	private List<Candidate> secondOpinions(Tokens tokens, String language) {
		List<Candidate> out = new ArrayList<>(0);
		int from = 0;
		while (from < tokens.size) {
			int to = from + 1;
			while (to < tokens.size && tokens.sentence[to] == tokens.sentence[from]) {
				to++;
			}
			SecondOpinion.Proposal p = this.opinion.read(tokens, from, to, language);
			if (p != null) {
				out.add(this.opinion.candidate(p, tokens, language));
			}
			from = to;
		}
		return out;
	}

	/**
	 * "my mum's tablets", "the pills of my mother", "les somnifères de ma mère": the person owns
	 * something the patient speaks of; they are not who the sentence is about.
	 */
	private static boolean ownsSomething(String text, FoldedText view, CueMatch cue) {
		int end = view.originalEnd(cue.end());
		if (end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019')
				&& (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S')
				&& (end + 2 == text.length() || !Character.isLetter(text.charAt(end + 2)))) {
			return true;
		}
		int i = cue.start() - 1;
		while (i >= 0 && view.text.charAt(i) == ' ') {
			i--;
		}
		int wordEnd = i + 1;
		while (i >= 0 && view.isWordChar(i)) {
			i--;
		}
		return OF.contains(view.text.substring(i + 1, wordEnd));
	}

	private static final Set<String> OF = Set.of("of", "de", "di", "del", "della", "von", "vom", "du", "dal", "dalla");

	/**
	 * Context words in the sentences holding the given spans: context never reaches past a
	 * sentence, and most sentences hold nothing to read, so they are not scanned a second time.
	 */
	private void cuesAround(FoldedText view, List<int[]> spans, List<int[]> scanned, List<CueMatch> cues) {
		spans.sort(Comparator.comparingInt(s -> s[0]));
		for (int[] span : spans) {
			if (alreadyScanned(scanned, span[0])) {
				continue;
			}
			int from = Context.sentenceStart(view, span[0]);
			int to = Context.sentenceEnd(view, span[1]);
			if (to < view.length()) {
				to++; // the sentence's own punctuation: ": no" and "?" belong to it
			}
			int offset = from;
			this.context.parseText(java.nio.CharBuffer.wrap(view.text, from, to), emit -> {
				int s = emit.getStart() + offset;
				int e = emit.getEnd() + 1 + offset;
				if (wholeWords(view, s, e)) {
					Set<String> also = this.crossLanguageCues.getOrDefault(emit.getKeyword(), Set.of());
					for (Term term : emit.getPayload()) {
						cues.add(new CueMatch((Term.Cue) term, s, e, also));
					}
				}
				return true;
			});
			scanned.add(new int[] { from, to });
		}
	}

	private static boolean alreadyScanned(List<int[]> scanned, int position) {
		for (int[] range : scanned) {
			if (range[0] <= position && position < range[1]) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A context word inside a crisis phrase is part of the phrase ("no" in "no reason to live"),
	 * but scope boundaries stay: ", je" still ends a negation where "je vais en finir" begins.
	 */
	private static boolean insidePhrase(CueMatch cue, List<Candidate> kept) {
		Term.CueType type = cue.cue().type();
		// a first-person word inside a frame's slot words still says who the subject is ("mache ich es")
		if (type == Term.CueType.IDIOM || type == Term.CueType.TERMINATOR || type == Term.CueType.NEGATION_TERMINATOR
				|| type == Term.CueType.FIRST_PERSON) {
			return false;
		}
		for (Candidate c : kept) {
			if (!c.variant() && c.absorbs(cue.start(), cue.end())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Joins the pieces of phrases written with gaps: each piece must start after the previous one
	 * ends, in the same sentence, at most {@link Term.Part#MAX_GAP_WORDS} words later.
	 */
	private static void addGappedCandidates(FoldedText view, List<Term.Part> parts, List<int[]> spans, List<CueMatch> cues,
			List<Candidate> candidates) {
		for (int i = 0; i < parts.size(); i++) {
			Term.Part first = parts.get(i);
			if (first.index() != 0) {
				continue;
			}
			int[] chain = new int[first.count() * 2];
			chain[0] = spans.get(i)[0];
			chain[1] = spans.get(i)[1];
			if (extend(view, parts, spans, cues, first, 1, chain)) {
				candidates.add(new Candidate(first.entry(), chain[0], chain[chain.length - 1], false, chain));
			}
		}
	}

	private static boolean extend(FoldedText view, List<Term.Part> parts, List<int[]> spans, List<CueMatch> cues,
			Term.Part first, int index, int[] chain) {
		if (index == first.count()) {
			return true;
		}
		int previousEnd = chain[index * 2 - 1];
		for (int j = 0; j < parts.size(); j++) {
			Term.Part p = parts.get(j);
			int[] span = spans.get(j);
			if (p.index() == index && p.phrase().equals(first.phrase()) && p.entry() == first.entry()
					&& span[0] >= previousEnd && Context.sentenceEnd(view, previousEnd) >= span[1]
					&& Context.words(view, previousEnd, span[0]) <= Term.Part.MAX_GAP_WORDS
					&& !clauseBreakBetween(cues, first.language(), previousEnd, span[0])) {
				chain[index * 2] = span[0];
				chain[index * 2 + 1] = span[1];
				if (extend(view, parts, spans, cues, first, index + 1, chain)) {
					return true;
				}
			}
		}
		return false;
	}

	/** "Keinen Plan, aber ich denke daran, mich umzubringen": "aber" parts the two halves. */
	private static boolean clauseBreakBetween(List<CueMatch> cues, String language, int from, int to) {
		for (CueMatch m : cues) {
			Term.CueType type = m.cue().type();
			if ((type == Term.CueType.TERMINATOR || type == Term.CueType.NEGATION_TERMINATOR)
					&& m.appliesTo(language) && m.start() >= from && m.end() <= to) {
				return true;
			}
		}
		return false;
	}

	private static boolean wholeWords(FoldedText view, int s, int e) {
		boolean startOk = !view.isWordChar(s) || !view.isWordChar(s - 1);
		boolean endOk = !view.isWordChar(e - 1) || !view.isWordChar(e);
		return startOk && endOk;
	}

	/** The variant view drops punctuation; a phrase never runs from one sentence into the next. */
	private static boolean crossesSentence(FoldedText view, int from, int to) {
		for (int i = from; i < to; i++) {
			if (Context.isSentenceBreak(view, i)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An idiom removes the crisis phrases it contains ("kill myself laughing"), not longer ones that
	 * merely touch it ("I want to die for real" keeps its flag next to "to die for"); a phrase
	 * with gaps goes when an idiom takes one of its pieces ("kill time by myself").
	 */
	private static void removeIdioms(List<Candidate> candidates, List<CueMatch> cues) {
		for (CueMatch cue : cues) {
			if (cue.cue().type() == Term.CueType.IDIOM) {
				candidates.removeIf(c -> cue.start() <= c.start() && c.end() <= cue.end()
						|| c.parts().length > 2 && c.partsOverlap(cue.start(), cue.end()) && !isWholeFiller(c, cue));
			}
		}
	}

	/** "I'd die for a coffee": a second opinion that leans on an idiom's words is no opinion. */
	private static void removeIdiomOpinions(List<Candidate> opinions, List<CueMatch> cues) {
		for (CueMatch cue : cues) {
			if (cue.cue().type() == Term.CueType.IDIOM) {
				opinions.removeIf(c -> c.partsOverlap(cue.start(), cue.end()));
			}
		}
	}

	/** Categories a stated everyday purpose right after the words explains away. */
	private static final Set<CrisisCategory> PURPOSE_SENSITIVE = EnumSet.of(CrisisCategory.SUICIDE_MEANS,
			CrisisCategory.SUICIDE_PREPARATION, CrisisCategory.RECENT_ATTEMPT, CrisisCategory.SELF_HARM,
			CrisisCategory.SUICIDE_PLAN);

	/**
	 * "Bought a rope <i>for climbing</i>", "una sobredosis <i>de café</i>", "me quemé <i>con el horno</i>": a
	 * benign-purpose word (the frames' BENIGN slot) at most five words after a means, preparation,
	 * attempt or self-harm phrase, in its sentence, drops it. Frames apply the same words to their
	 * whole clause themselves.
	 */
	private static final int PURPOSE_WORDS = 5;

	private static void removeBenignPurposes(FoldedText view, List<Candidate> candidates, List<int[]> benign) {
		if (benign.isEmpty()) {
			return;
		}
		candidates.removeIf(c -> {
			if (c.isFrame() || !PURPOSE_SENSITIVE.contains(c.entry().category())) {
				return false;
			}
			for (int[] b : benign) {
				if (b[0] >= c.end() && Context.sentenceEnd(view, c.end()) >= b[1] && Context.words(view, c.end(), b[0]) <= PURPOSE_WORDS) {
					return true;
				}
			}
			return false;
		});
	}

	/** A frame filler that is exactly an idiom's words ("painkillers" as MEDICINE) is not taken by it. */
	private static boolean isWholeFiller(Candidate c, CueMatch idiom) {
		for (Candidate.Filler f : c.fillers()) {
			if (f.start() == idiom.start() && f.end() == idiom.end()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One candidate per place: the longest phrase wins ("going to kill myself" over "kill myself",
	 * whatever their categories, so one phrase is never counted as two pieces of evidence), then
	 * the form's language, then a plain match over a variant. Phrases of different categories that
	 * only partly overlap are both kept.
	 */
	private static List<Candidate> longestPerCategory(List<Candidate> candidates, String preferredLanguage) {
		List<Candidate> sorted = new ArrayList<>(candidates);
		// lexicon phrases first: a frame only adds where no phrase of its category already stands
		Comparator<Candidate> order = Comparator.comparing(Candidate::isFrame);
		order = order.thenComparing(Comparator.comparingInt(Candidate::length).reversed())
			.thenComparing(c -> !c.entry().language().equals(preferredLanguage))
			.thenComparing(Candidate::variant)
			.thenComparing(Candidate::flexible)
			.thenComparingInt(Candidate::start);
		sorted.sort(order);
		List<Candidate> kept = new ArrayList<>();
		for (Candidate c : sorted) {
			boolean covered = false;
			for (Candidate k : kept) {
				// strictly longer: the same words read two ways after folding ("me golpeó" / "me golpeo")
				// keep both readings
				// a phrase found by stem or with skipped words, or a frame, never hides a phrase of another
				// category written as the lexicon has it ("overdosed on" is not only the means "overdose on")
				boolean contained = k.start() <= c.start() && c.end() <= k.end() && k.length() > c.length()
						&& (!k.isFrame() && (!k.flexible() || c.flexible()) || k.entry().category() == c.entry().category());
				if (contained || k.entry().category() == c.entry().category() && k.overlaps(c.start(), c.end())) {
					covered = true;
					break;
				}
			}
			if (!covered) {
				kept.add(c);
			}
		}
		kept.sort(Comparator.comparingInt(Candidate::start));
		return kept;
	}

	private static CrisisFinding finding(String text, FoldedText view, List<CueMatch> cues, Candidate c, String source) {
		Context.Reading reading = Context.read(view, cues, c);
		int start = view.originalStart(c.start());
		int end = view.originalEnd(c.end());
		Term.Entry entry = c.entry();
		List<SlotFiller> evidence = new ArrayList<>(c.fillers().size());
		for (Candidate.Filler f : c.fillers()) {
			int fs = view.originalStart(f.start());
			int fe = view.originalEnd(f.end());
			evidence.add(new SlotFiller(f.slot(), text.substring(fs, fe), fs, fe));
		}
		String ruleId = c.variant() ? entry.id() + "~variant"
				: c.isFrame() ? entry.id() + "@" + entry.language() + evidence
				: c.flexible() ? entry.id() + "~flex" : entry.id();
		CaseTriaged.Flag flag = new CaseTriaged.Flag(entry.category(), source, text.substring(start, end), start, end,
				entry.language(), reading.negated(), reading.historical(), reading.hypothetical(),
				reading.otherExperiencer(), ruleId);
		boolean counts = !reading.negated() && !reading.otherExperiencer() && !reading.historical();
		RiskLevel level;
		if (reading.negated() || reading.otherExperiencer()) {
			level = RiskLevel.NONE;
		}
		else if (reading.historical()) {
			level = BEHAVIOUR.contains(entry.category()) ? RiskLevel.MODERATE : RiskLevel.LOW;
			level = min(level, entry.severity());
		}
		else {
			level = entry.severity();
		}
		return new CrisisFinding(flag, level, counts, reading.soon() && counts, c.variant(), List.copyOf(evidence));
	}

	private static RiskLevel min(RiskLevel a, RiskLevel b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

}
