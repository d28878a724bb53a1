package org.openintake.triage.engine.crisis;

import static org.openintake.triage.engine.crisis.YamlFields.list;
import static org.openintake.triage.engine.crisis.YamlFields.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;

/**
 * The concept frames ({@code crisis/frames.yaml}) and each language's slot words
 * ({@code crisis/frames-<lang>.yaml}), loaded and validated like the lexicons: an unknown slot, a
 * slot a language leaves empty, or a skip word that is a negation fails the load.
 */
final class Frames {

	/** Slots every language fills for the "someone else" frame: owner word + person noun. */
	static final String OWNER = "OWNER";

	static final String PERSON = "PERSON";

	static final String REPORTED = "REPORTED";

	/** The patient as the object of the verb: "myself", "me", "mich", "mi". */
	static final String SELF_OBJ = "SELF_OBJ";

	static final String ME_OBJ = "ME_OBJ";

	static final String BENIGN = "BENIGN";

	final List<Frame> frames = new ArrayList<>();

	final Set<String> slotNames = new LinkedHashSet<>();

	/** Per language: words that may be skipped inside a phrase (articles, possessives, adverbs). */
	final Map<String, Set<String>> skipWords = new HashMap<>();

	/** Per language: articles, which a phrase may leave out or exchange ("a bridge", "the bridge"). */
	final Map<String, Set<String>> articles = new HashMap<>();

	/** Per language: single words that end a clause ("but", "aber", "pero", "mais", "ma"). */
	final Map<String, Set<String>> clauseBreaks = new HashMap<>();

	/** Per language: the first-person words ("i", "ich", "yo", "je", "io") that keep a cue from reported speech. */
	final Map<String, Set<String>> firstPerson = new HashMap<>();

	/** Per language and slot, the folded words (for the paraphrase tests and the docs). */
	final Map<String, Map<String, List<String>>> slotWords = new LinkedHashMap<>();

	@SuppressWarnings("unchecked")
	static Frames load(ClassLoader classLoader, String base, Lexicon lexicon) {
		Frames f = new Frames();
		String file = base + "frames.yaml";
		Map<String, Object> doc = Lexicon.yaml(classLoader, file);
		for (Object s : list(doc, "slots", file)) {
			f.slotNames.add(String.valueOf(s));
		}
		f.slotNames.addAll(List.of(OWNER, PERSON, REPORTED));
		Set<String> ids = new LinkedHashSet<>();
		for (Object o : list(doc, "frames", file)) {
			Map<String, Object> m = (Map<String, Object>) o;
			String id = require(m, "id", file);
			String where = file + " " + id;
			if (!ids.add(id)) {
				throw new IllegalStateException(file + ": duplicate frame id " + id);
			}
			List<String> slots = strings(list(m, "slots", where));
			List<String> unless = m.containsKey("unless") ? strings(list(m, "unless", where)) : List.of();
			List<List<String>> order = m.containsKey("order") ? chains(list(m, "order", where)) : List.of();
			for (List<String> chain : order) {
				if (!slots.containsAll(chain)) {
					throw new IllegalStateException(where + ": order names a slot the frame does not have");
				}
			}
			if (slots.size() < 2) {
				throw new IllegalStateException(where + ": a frame needs at least two slots");
			}
			for (String s : concat(slots, unless)) {
				if (!f.slotNames.contains(s)) {
					throw new IllegalStateException(where + ": unknown slot " + s);
				}
			}
			List<List<String>> near = m.containsKey("near") ? chains(list(m, "near", where)) : List.of();
			for (List<String> pair : near) {
				if (pair.size() != 2 || !slots.containsAll(pair)) {
					throw new IllegalStateException(where + ": near names two slots of the frame");
				}
			}
			int window = m.containsKey("window") ? Integer.parseInt(String.valueOf(m.get("window"))) : Frame.WINDOW;
			if (window < 1 || window > Frame.MAX_WINDOW) {
				throw new IllegalStateException(where + ": window must be 1.." + Frame.MAX_WINDOW);
			}
			Term.Experiencer experiencer = m.containsKey("experiencer")
					? Term.Experiencer.valueOf(String.valueOf(m.get("experiencer")).toUpperCase(Locale.ROOT))
					: Term.Experiencer.ANY;
			try {
				f.frames.add(new Frame(id, CrisisCategory.valueOf(require(m, "category", where)),
						RiskLevel.valueOf(require(m, "severity", where)), slots, unless, order, window, experiencer, near));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(where + ": " + ex.getMessage(), ex);
			}
		}
		for (String language : lexicon.languages) {
			String lf = base + "frames-" + language + ".yaml";
			Map<String, Object> ld = Lexicon.yaml(classLoader, lf);
			if (!language.equals(ld.get("language"))) {
				throw new IllegalStateException(lf + ": language must be " + language);
			}
			Set<String> negations = lexicon.cueWords(language, Term.CueType.NEGATION);
			Set<String> skip = new LinkedHashSet<>();
			for (Object w : list(ld, "skip", lf)) {
				String folded = Folding.phrase(String.valueOf(w));
				if (negations.contains(folded)) {
					throw new IllegalStateException(lf + ": skip word '" + w + "' is a negation");
				}
				skip.add(folded);
			}
			Set<String> articles = new LinkedHashSet<>();
			for (Object w : list(ld, "articles", lf)) {
				articles.add(Folding.phrase(String.valueOf(w)));
			}
			skip.addAll(articles);
			f.skipWords.put(language, skip);
			f.articles.put(language, articles);
			Set<String> breaks = new LinkedHashSet<>();
			for (String t : lexicon.cueWords(language, Term.CueType.TERMINATOR)) {
				if (t.indexOf(' ') < 0) {
					breaks.add(t);
				}
			}
			f.clauseBreaks.put(language, breaks);
			f.firstPerson.put(language, lexicon.cueWords(language, Term.CueType.FIRST_PERSON));
			Map<String, Object> slots = (Map<String, Object>) ld.get("slots");
			if (slots == null) {
				throw new IllegalStateException(lf + ": slots must be a map");
			}
			for (String name : slots.keySet()) {
				if (!f.slotNames.contains(name)) {
					throw new IllegalStateException(lf + ": unknown slot " + name);
				}
			}
			Map<String, List<String>> words = new LinkedHashMap<>();
			for (String name : f.slotNames) {
				Object v = slots.get(name);
				if (!(v instanceof List<?> l) || l.isEmpty()) {
					throw new IllegalStateException(lf + ": slot " + name + " must list at least one word");
				}
				List<String> folded = new ArrayList<>();
				for (Object w : l) {
					String raw = String.valueOf(w);
					if (raw.startsWith("@")) {
						folded.add(raw.toUpperCase(Locale.ROOT)); // another slot's words, see includeSlots
						continue;
					}
					boolean exact = raw.startsWith("=");
					String p = Folding.phrase(exact ? raw.substring(1) : raw);
					if (p.isEmpty()) {
						throw new IllegalStateException(lf + ": empty word in slot " + name);
					}
					folded.add(exact ? "=" + p : p); // "=" kept: matched as written, never by stem
				}
				words.put(name, folded);
			}
			includeSlots(lf, words);
			f.slotWords.put(language, words);
		}
		return f;
	}

	/**
	 * "@PERSON" in a slot's list stands for every word of the PERSON slot, so a harm verb's victim or
	 * an abuser is any person noun the language knows, not a second list that falls behind the first.
	 */
	private static void includeSlots(String file, Map<String, List<String>> words) {
		words.replaceAll((name, list) -> {
			if (list.stream().noneMatch(w -> w.startsWith("@"))) {
				return list;
			}
			List<String> out = new ArrayList<>();
			for (String w : list) {
				if (!w.startsWith("@")) {
					out.add(w);
					continue;
				}
				List<String> included = words.get(w.substring(1).toUpperCase(Locale.ROOT));
				if (included == null || included.stream().anyMatch(i -> i.startsWith("@"))) {
					throw new IllegalStateException(file + ": slot " + name + " includes " + w
							+ ", which is not a slot of plain words");
				}
				included.stream().filter(i -> !out.contains(i)).forEach(out::add);
			}
			return out;
		});
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> out = new ArrayList<>(a);
		out.addAll(b);
		return out;
	}

	/** "order: [A, B]" is one chain; "order: [[A, B], [A, C]]" two, each kept on its own. */
	private static List<List<String>> chains(List<Object> l) {
		if (l.stream().noneMatch(o -> o instanceof List<?>)) {
			return List.of(strings(l));
		}
		List<List<String>> out = new ArrayList<>();
		for (Object o : l) {
			out.add(o instanceof List<?> chain ? chain.stream().map(String::valueOf).toList() : List.of(String.valueOf(o)));
		}
		return out;
	}

	private static List<String> strings(List<Object> l) {
		return l.stream().map(String::valueOf).toList();
	}

}
