package org.openintake.triage.engine.crisis;

import static org.openintake.triage.engine.crisis.YamlFields.list;
import static org.openintake.triage.engine.crisis.YamlFields.require;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The crisis lexicons as loaded from the classpath: one YAML file per language, listed in
 * {@code lexicons.yaml}. Every phrase keeps the term it stands for; a malformed file fails the
 * load with the file and entry named, because an engine with a silently missing lexicon misses
 * crises.
 */
final class Lexicon {

	static final String BASE = "org/openintake/triage/engine/crisis/";

	/** Folded phrase -> the terms it stands for (several languages can share a phrase). */
	final Map<String, List<Term>> phrases = new LinkedHashMap<>();

	/** Anchor word -> the languages whose lexicons list it. */
	final Map<String, Set<String>> anchors = new LinkedHashMap<>();

	final Set<String> topics = new LinkedHashSet<>();

	final List<String> languages = new ArrayList<>();

	final Map<String, String> versions = new LinkedHashMap<>();

	int entryCount;

	static Lexicon load(ClassLoader classLoader) {
		return load(classLoader, BASE);
	}

	static Lexicon load(ClassLoader classLoader, String base) {
		Lexicon lexicon = new Lexicon();
		Map<String, Object> index = yaml(classLoader, base + "lexicons.yaml");
		for (Object language : list(index, "languages", "lexicons.yaml")) {
			String file = base + "lexicon-" + language + ".yaml";
			lexicon.addLanguage(String.valueOf(language), yaml(classLoader, file), file);
		}
		return lexicon;
	}

	@SuppressWarnings("unchecked")
	private void addLanguage(String language, Map<String, Object> doc, String file) {
		if (!language.equals(doc.get("language"))) {
			throw new IllegalStateException(file + ": language must be " + language);
		}
		this.languages.add(language);
		this.versions.put(language, String.valueOf(doc.get("version")));
		Set<String> ids = new LinkedHashSet<>();
		Set<String> self = selfWords(doc);
		for (Object o : list(doc, "entries", file)) {
			Map<String, Object> e = (Map<String, Object>) o;
			String id = require(e, "id", file);
			if (!ids.add(id)) {
				throw new IllegalStateException(file + ": duplicate entry id " + id);
			}
			CrisisCategory category = CrisisCategory.valueOf(require(e, "category", file + " " + id));
			RiskLevel severity = RiskLevel.valueOf(require(e, "severity", file + " " + id));
			Term.Experiencer experiencer = e.containsKey("experiencer")
					? Term.Experiencer.valueOf(String.valueOf(e.get("experiencer")).toUpperCase(Locale.ROOT))
					: Term.Experiencer.ANY;
			Term.Entry entry = new Term.Entry(id, language, category, severity, experiencer);
			// "self" holds for the phrases that name the patient ("kill myself", "quitarme la vida"); "end it
			// all", "acabar con todo", "farla finita" do not, so the context decides whose they are
			Term.Entry unnamed = experiencer == Term.Experiencer.SELF
					? new Term.Entry(id, language, category, severity, Term.Experiencer.ANY) : entry;
			for (Object phrase : list(e, "phrases", file + " " + id)) {
				String p = String.valueOf(phrase);
				add(p, namesSelf(Folding.phrase(p), self) ? entry : unnamed, file + " " + id);
			}
			this.entryCount++;
		}
		Map<String, Object> topics = (Map<String, Object>) doc.getOrDefault("topics", Map.of());
		topics.forEach((topic, words) -> {
			this.topics.add(topic);
			for (Object word : (List<Object>) words) {
				add(String.valueOf(word), new Term.Topic(language, topic), file + " topic " + topic);
			}
		});
		Map<String, Object> context = (Map<String, Object>) doc.getOrDefault("context", Map.of());
		context.forEach((name, words) -> {
			Term.CueType type = cueType(name, file);
			for (Object word : (List<Object>) words) {
				add(String.valueOf(word), new Term.Cue(language, type), file + " context " + name);
			}
		});
		for (Object anchor : (List<Object>) doc.getOrDefault("anchors", List.of())) {
			this.anchors.computeIfAbsent(String.valueOf(anchor), k -> new LinkedHashSet<>()).add(language);
		}
	}

	/** First-person possessives: "my life", "mi vida", "mein Leben", "mes jours", "la mia vita" name the patient too. */
	private static final Set<String> POSSESSIVES = Set.of("my", "mi", "mis", "mein", "meine", "meinen", "meinem", "meiner",
			"mon", "ma", "mes", "mio", "mia", "miei", "mie");

	@SuppressWarnings("unchecked")
	private static Set<String> selfWords(Map<String, Object> doc) {
		Set<String> out = new java.util.HashSet<>(POSSESSIVES);
		Map<String, Object> context = (Map<String, Object>) doc.getOrDefault("context", Map.of());
		for (Object w : (List<Object>) context.getOrDefault("firstPerson", List.of())) {
			out.add(Folding.phrase(String.valueOf(w)));
		}
		return out;
	}

	/** A first-person word, or an object pronoun written onto a Spanish or Italian verb ("matarme", "uccidermi"). */
	private static boolean namesSelf(String folded, Set<String> self) {
		for (String w : folded.split("[^\\p{L}0-9]+")) {
			if (self.contains(w) || w.length() >= 6 && (w.endsWith("rme") || w.endsWith("rmi") || w.endsWith("ndome")
					|| w.endsWith("ndomi"))) {
				return true;
			}
		}
		return false;
	}

	/** The folded cue phrases of one language and type. */
	Set<String> cueWords(String language, Term.CueType type) {
		Set<String> out = new LinkedHashSet<>();
		this.phrases.forEach((phrase, terms) -> {
			for (Term t : terms) {
				if (t instanceof Term.Cue cue && cue.type() == type && cue.language().equals(language)) {
					out.add(phrase);
				}
			}
		});
		return out;
	}

	private static Term.CueType cueType(String name, String file) {
		return switch (name) {
			case "negation" -> Term.CueType.NEGATION;
			case "negationAfter" -> Term.CueType.NEGATION_AFTER;
			case "pseudoNegation" -> Term.CueType.PSEUDO_NEGATION;
			case "terminators" -> Term.CueType.TERMINATOR;
			case "negationTerminators" -> Term.CueType.NEGATION_TERMINATOR;
			case "firstPerson" -> Term.CueType.FIRST_PERSON;
			case "historical" -> Term.CueType.HISTORICAL;
			case "current" -> Term.CueType.CURRENT;
			case "hypothetical" -> Term.CueType.HYPOTHETICAL;
			case "otherExperiencer" -> Term.CueType.OTHER_EXPERIENCER;
			case "timing" -> Term.CueType.TIMING;
			case "idioms" -> Term.CueType.IDIOM;
			default -> throw new IllegalStateException(file + ": unknown context list " + name);
		};
	}

	/**
	 * Adds a phrase. A phrase written with an apostrophe or hyphen also stands for its run-together
	 * spelling ("don't" / "dont", "self-harm" / "selfharm"), and one with an umlaut for its
	 * two-letter spelling ("möchte" / "moechte"), as people type both.
	 */
	private void add(String raw, Term term, String where) {
		if (raw.contains("...")) {
			if (!(term instanceof Term.Entry entry)) {
				throw new IllegalStateException(where + ": only crisis entries may have gaps: '" + raw + "'");
			}
			String[] pieces = raw.split("\\.\\.\\.");
			if (pieces.length < 2 || pieces.length > 3) {
				throw new IllegalStateException(where + ": a phrase has two or three pieces around '...': '" + raw + "'");
			}
			for (int i = 0; i < pieces.length; i++) {
				add(pieces[i], new Term.Part(entry, raw, i, pieces.length), where);
			}
			return;
		}
		String folded = Folding.phrase(raw);
		if (folded.isEmpty()) {
			throw new IllegalStateException(where + ": empty phrase '" + raw + "'");
		}
		put(folded, term);
		if (raw.indexOf(',') >= 0 && !(term instanceof Term.Cue)) {
			// "einen Plan, mich umzubringen": the comma grammar asks for, and people often skip
			put(Folding.phrase(raw.replace(",", " ")), term);
		}
		if (raw.indexOf('\'') >= 0 || raw.indexOf('’') >= 0 || raw.indexOf('-') >= 0) {
			String joined = Folding.phrase(raw.replace("'", "").replace("’", "").replace("-", ""));
			put(joined, term);
		}
		String lower = raw.toLowerCase(Locale.ROOT);
		if (lower.indexOf('ä') >= 0 || lower.indexOf('ö') >= 0 || lower.indexOf('ü') >= 0) {
			// German typed without umlaut keys: "möchte" is also written "moechte"
			put(Folding.phrase(lower.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")), term);
		}
	}

	private void put(String folded, Term term) {
		List<Term> terms = this.phrases.computeIfAbsent(folded, k -> new ArrayList<>(1));
		if (!terms.contains(term)) {
			terms.add(term);
		}
	}


	static Map<String, Object> yaml(ClassLoader classLoader, String resource) {
		try (InputStream in = classLoader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing classpath resource " + resource);
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
						new DumperOptions(), new LoaderOptions(), new PlainStrings()).load(reader);
				if (doc == null) {
					throw new IllegalStateException("empty resource " + resource);
				}
				return doc;
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource, ex);
		}
	}

	/**
	 * Every scalar is a string: YAML 1.1 would otherwise read the negation word "no" (and "yes",
	 * "off", "on") as a boolean.
	 */
	private static final class PlainStrings extends Resolver {

		@Override
		protected void addImplicitResolvers() {
		}

	}

}
