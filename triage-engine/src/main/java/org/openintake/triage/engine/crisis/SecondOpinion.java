package org.openintake.triage.engine.crisis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;

/**
 * A statistical second opinion beside the rules: two linear models (logistic regression, trained by
 * liblinear on the development statements, see {@code SecondOpinionTraining}) over the word stems
 * and word pairs of each sentence. The first says how likely the sentence is a crisis; the second
 * which category it most resembles. It only ever adds a flag where no current rule flag stands in
 * the sentence, never removes one, and its flag goes through the same context rules as any other
 * (negation, past, someone else's). Every flag names the words that weighed most and their weights,
 * so staff see why.
 *
 * <p>The weights are plain numbers in {@code crisis/second-opinion.tsv}; the engine needs no
 * machine-learning library to read them.
 */
final class SecondOpinion {

	static final String RESOURCE = "org/openintake/triage/engine/crisis/second-opinion.tsv";

	/** At most this many words are named as evidence: the strongest first. */
	static final int EVIDENCE_WORDS = 4;

	static final SecondOpinion NONE = new SecondOpinion(Map.of(), 0, new double[0], new CrisisCategory[0], 2.0, "none");

	/**
	 * A sentence the model calls a crisis.
	 *
	 * @param probability the crisis model's probability for the sentence
	 * @param evidence the words that weighed most towards a crisis, strongest first
	 */
	record Proposal(CrisisCategory category, double probability, List<Evidence> evidence) {
	}

	/** One feature present in the sentence, its weight and its words (token indices, inclusive). */
	record Evidence(double weight, int first, int last) {
	}

	/**
	 * Per word feature (by key) and per pair (first key, then second): the crisis weight, then one
	 * weight per category. Looked up while the words are read, so no feature name is built per word.
	 */
	private final Map<String, double[]> words;

	private final Map<String, Map<String, double[]>> pairs;

	private final double bias;

	private final double[] categoryBias;

	private final CrisisCategory[] categories;

	private final double threshold;

	private final String version;

	SecondOpinion(Map<String, double[]> weights, double bias, double[] categoryBias, CrisisCategory[] categories,
			double threshold, String version) {
		// HashMaps, never changed after the load: looked up for every word, faster than Map.copyOf's probing
		this.words = new HashMap<>();
		this.pairs = new HashMap<>();
		weights.forEach((name, w) -> {
			if (name.startsWith("w:")) {
				this.words.put(name.substring(2), w);
			}
			else if (name.startsWith("p:") && name.indexOf(' ') > 2) {
				int space = name.indexOf(' ');
				this.pairs.computeIfAbsent(name.substring(2, space), k -> new HashMap<>()).put(name.substring(space + 1), w);
			}
			else {
				throw new IllegalStateException(RESOURCE + ": unknown feature " + name);
			}
		});
		this.bias = bias;
		this.categoryBias = categoryBias;
		this.categories = categories;
		this.threshold = threshold;
		this.version = version;
	}

	double threshold() {
		return this.threshold;
	}

	String version() {
		return this.version;
	}

	/** The crisis bias, then one per category: a row of the weights file. */
	double[] biasRow() {
		double[] row = new double[this.categoryBias.length + 1];
		row[0] = this.bias;
		System.arraycopy(this.categoryBias, 0, row, 1, this.categoryBias.length);
		return row;
	}

	/** Every feature by its name in the weights file (training and its tests). */
	Map<String, double[]> weightsView() {
		Map<String, double[]> out = new HashMap<>();
		this.words.forEach((key, w) -> out.put(OpinionFeatures.wordName(key), w));
		this.pairs.forEach((first, seconds) -> seconds.forEach((key, w) -> out.put(OpinionFeatures.pairName(first, key), w)));
		return out;
	}

	/** The proposal for tokens [from, to), or null when the model does not call them a crisis. */
	Proposal read(Tokens tokens, int from, int to, String language) {
		if (this.words.isEmpty()) {
			return null;
		}
		Score score = new Score(this.bias, this.categoryBias.clone());
		OpinionFeatures.read(tokens, from, to, language, new OpinionFeatures.Sink() {

			@Override
			public void word(String key, int at) {
				score.add(SecondOpinion.this.words.get(key), at, at);
			}

			@Override
			public void pair(String previous, String key, int first, int last) {
				Map<String, double[]> after = SecondOpinion.this.pairs.get(previous);
				if (after != null) {
					score.add(after.get(key), first, last);
				}
			}

		});
		double probability = 1 / (1 + Math.exp(-score.z));
		if (probability < this.threshold || score.evidence.isEmpty()) {
			return null;
		}
		int best = 0;
		for (int c = 1; c < score.perCategory.length; c++) {
			if (score.perCategory[c] > score.perCategory[best]) {
				best = c;
			}
		}
		List<Evidence> evidence = new ArrayList<>(score.evidence);
		evidence.sort(Comparator.comparingDouble(Evidence::weight).reversed());
		return new Proposal(this.categories[best], probability,
				List.copyOf(evidence.subList(0, Math.min(EVIDENCE_WORDS, evidence.size()))));
	}

	/** The running sum of one sentence; a feature found twice counts once, as in training. */
	private static final class Score {

		double z;

		final double[] perCategory;

		final List<Evidence> evidence = new ArrayList<>();

		final Set<double[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

		Score(double z, double[] perCategory) {
			this.z = z;
			this.perCategory = perCategory;
		}

		void add(double[] w, int first, int last) {
			if (w == null || !this.seen.add(w)) {
				return;
			}
			this.z += w[0];
			for (int c = 0; c < this.perCategory.length; c++) {
				this.perCategory[c] += w[c + 1];
			}
			if (w[0] > 0) {
				this.evidence.add(new Evidence(w[0], first, last));
			}
		}

	}

	/**
	 * The candidate a proposal makes: its span runs from the first to the last evidence word, and
	 * the words between are context, so a "not" or "years ago" among them is read as for any flag.
	 * Each evidence word is a filler named by its weight.
	 */
	Candidate candidate(Proposal p, Tokens tokens, String language) {
		List<Evidence> inText = new ArrayList<>(p.evidence());
		inText.sort(Comparator.comparingInt(Evidence::first));
		List<Candidate.Filler> fillers = new ArrayList<>(inText.size());
		int[] parts = new int[inText.size() * 2];
		for (int i = 0; i < inText.size(); i++) {
			Evidence e = inText.get(i);
			int s = tokens.start[e.first()];
			int end = tokens.end[e.last()];
			parts[i * 2] = s;
			parts[i * 2 + 1] = end;
			fillers.add(new Candidate.Filler(String.format(Locale.ROOT, "%+.2f", e.weight()), s, end));
		}
		Term.Entry entry = new Term.Entry(String.format(Locale.ROOT, "second-opinion:%.2f", p.probability()), language,
				p.category(), RiskLevel.MODERATE, Term.Experiencer.ANY);
		return new Candidate(entry, parts[0], parts[parts.length - 1], false, parts, true, List.copyOf(fillers));
	}

	/**
	 * Reads the weights: {@code #} comments, {@code version}, {@code threshold}, {@code categories}
	 * (names), {@code bias} (crisis bias, then one per category), then one line per feature: its name
	 * and the same columns. A malformed file fails the load, naming the line.
	 */
	static SecondOpinion load(ClassLoader loader) {
		try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing " + RESOURCE);
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + RESOURCE, ex);
		}
	}

	static SecondOpinion parse(String text) {
		Map<String, double[]> weights = new HashMap<>();
		String version = null;
		double threshold = Double.NaN;
		CrisisCategory[] categories = null;
		double[] bias = null;
		String[] lines = text.split("\n");
		for (int n = 0; n < lines.length; n++) {
			String line = lines[n];
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.split("\t");
			String where = RESOURCE + ":" + (n + 1);
			try {
				switch (f[0]) {
					case "version" -> version = f[1];
					case "threshold" -> threshold = Double.parseDouble(f[1]);
					case "categories" -> {
						categories = new CrisisCategory[f.length - 1];
						for (int i = 1; i < f.length; i++) {
							categories[i - 1] = CrisisCategory.valueOf(f[i]);
						}
					}
					default -> {
						if (categories == null) {
							throw new IllegalStateException(where + ": categories must come before weights");
						}
						if (f.length != categories.length + 2) {
							throw new IllegalStateException(where + ": expected " + (categories.length + 2) + " columns");
						}
						double[] w = new double[categories.length + 1];
						for (int i = 0; i < w.length; i++) {
							w[i] = Double.parseDouble(f[i + 1]);
						}
						if (f[0].equals("bias")) {
							bias = w;
						}
						else if (weights.put(f[0], w) != null) {
							throw new IllegalStateException(where + ": feature " + f[0] + " twice");
						}
					}
				}
			}
			catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
				throw new IllegalStateException(where + ": malformed line", ex);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(where + ": " + ex.getMessage(), ex);
			}
		}
		if (version == null || Double.isNaN(threshold) || categories == null || bias == null) {
			throw new IllegalStateException(RESOURCE + ": version, threshold, categories and bias are required");
		}
		if (!(threshold > 0 && threshold < 1)) {
			throw new IllegalStateException(RESOURCE + ": threshold must lie between 0 and 1");
		}
		// a HashMap, never changed after the load: looked up for every word, faster than Map.copyOf's probing
		return new SecondOpinion(weights, bias[0], java.util.Arrays.copyOfRange(bias, 1, bias.length), categories,
				threshold, version);
	}

}
