package org.openintake.triage.engine.crisis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import org.openintake.events.CrisisCategory;
import org.openintake.triage.engine.DevelopmentData;

/**
 * Trains the second opinion ({@code crisis/second-opinion.tsv}) from the development statements
 * only: the corpus ({@code corpus/crisis-<lang>.txt}), the development batches
 * ({@code dev/paraphrases-<n>.txt}) and the paraphrase matrix. The held-out sets are never read
 * here. Logistic regression (liblinear, L2) over {@link OpinionFeatures}: one model for crisis or
 * not, one for the category among crisis statements. The threshold comes from five-fold
 * cross-validation through the whole detector (rules, context, model) on the same data: the lowest
 * at which the model alone makes at most {@link #FALSE_ALARM_BUDGET} of the non-crisis statements
 * it never saw a crisis.
 *
 * <p>{@code ./mvnw -o -pl triage-engine test -Dtest=SecondOpinionModelTest -Dsecond-opinion.write=true}
 * retrains, writes the file and prints the cross-validation table; without the property the test
 * checks that the committed weights are what the data trains. Deterministic: the same data gives
 * the same weights.
 */
final class SecondOpinionTraining {

	static final String OUTPUT = "src/main/resources/" + SecondOpinion.RESOURCE;

	/** A feature must occur in at least this many statements (1 and 2 cross-validated alike; 1 keeps rare words of the smaller languages). */
	static final int MIN_COUNT = 1;

	/** liblinear's inverse regularisation strength. */
	static final double C = 4;

	/**
	 * The threshold is the lowest at which the model alone, cross-validated, makes at most this share of
	 * non-crisis statements a crisis: the issue's false-alarm target, applied to what the model adds.
	 */
	static final double FALSE_ALARM_BUDGET = 0.05;

	static final int FOLDS = 5;

	static final List<String> LANGUAGES = List.of("en", "es", "de", "fr", "it");

	static final Map<String, CrisisCategory> CODES = DevelopmentData.codes();

	static final Set<String> CRISIS_FORMS = DevelopmentData.crisisForms();

	/** One development statement; category null when it is not a crisis. */
	record Statement(String language, CrisisCategory category, String text, boolean ordinary) {

		Statement(String language, CrisisCategory category, String text) {
			this(language, category, text, false);
		}

	}

	/**
	 * Short, ordinary intake answers ("Sleep again.", "None."): trained on, so the model learns that
	 * they are nothing, but left out of the false-alarm budget, whose share would otherwise fall
	 * with every easy statement added and lower the threshold for the hard ones.
	 */
	static final String ORDINARY_ANSWERS = "/dev/paraphrases-23.txt";

	/** What training gives: the model and how it was chosen. */
	record Trained(SecondOpinion opinion, String file, String report) {
	}

	private SecondOpinionTraining() {
	}

	static List<Statement> statements() throws IOException {
		List<Statement> out = new ArrayList<>();
		for (String language : LANGUAGES) {
			for (String[] f : rows("/corpus/crisis-" + language + ".txt")) {
				CrisisCategory category = CODES.containsKey(f[0]) && CRISIS_FORMS.contains(f[1]) ? CODES.get(f[0]) : null;
				out.add(new Statement(language, category, f[2]));
			}
		}
		// -Dsecond-opinion.batches=N trains on batches 1..N only, to measure a later batch the model never saw
		for (int batch = 1; batch <= Integer.getInteger("second-opinion.batches", 99); batch++) {
			String file = "/dev/paraphrases-" + batch + ".txt";
			List<String[]> rows = rows(file);
			if (rows == null) {
				continue;
			}
			for (String[] f : rows) {
				out.add(new Statement(f[0], "NONE".equals(f[1]) ? null : CODES.get(f[1]), f[2], file.equals(ORDINARY_ANSWERS)));
			}
		}
		for (String[] f : DevelopmentData.matrixRows()) {
			out.add(new Statement(f[0], f[1] == null ? null : CrisisCategory.valueOf(f[1]), f[2]));
		}
		return out;
	}

	private static List<String[]> rows(String file) throws IOException {
		try (InputStream in = SecondOpinionTraining.class.getResourceAsStream(file)) {
			if (in == null) {
				return null;
			}
			List<String[]> rows = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] f = line.split("\\|", 3);
					if (f.length != 3) {
						throw new IllegalStateException(file + ": expected three fields: " + f[0]);
					}
					f[2] = f[2].strip();
					rows.add(f);
				}
			}
			return rows;
		}
	}

	static List<String> features(Statement s) {
		Tokens tokens = Tokens.of(Folding.primary(s.text()));
		return OpinionFeatures.of(tokens, 0, tokens.size, s.language()).stream().map(OpinionFeatures.Feature::name).toList();
	}

	static Trained train(List<Statement> statements) {
		Linear.disableDebugOutput();
		List<List<String>> features = statements.stream().map(SecondOpinionTraining::features).toList();
		StringBuilder report = new StringBuilder();
		double threshold = crossValidate(statements, features, report);
		SecondOpinion chosen = fit(statements, features, threshold, version(statements));
		return new Trained(chosen, write(chosen, threshold), report.toString());
	}

	/** The two models on the given statements. */
	static SecondOpinion fit(List<Statement> statements, List<List<String>> features, double threshold, String version) {
		Map<String, Integer> count = new HashMap<>();
		features.forEach(fs -> fs.forEach(f -> count.merge(f, 1, Integer::sum)));
		List<String> names = new ArrayList<>(count.keySet().stream().filter(f -> count.get(f) >= MIN_COUNT).sorted().toList());
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			index.put(names.get(i), i + 1);
		}
		double[] crisis = weights(statements, features, index, s -> s.category() == null ? 0 : 1);
		List<Statement> crises = new ArrayList<>();
		List<List<String>> crisisFeatures = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			if (statements.get(i).category() != null) {
				crises.add(statements.get(i));
				crisisFeatures.add(features.get(i));
			}
		}
		CrisisCategory[] categories = CrisisCategory.values();
		Model categoryModel = model(crises, crisisFeatures, index, s -> s.category().ordinal());
		int[] labels = categoryModel.getLabels();
		double[] cw = categoryModel.getFeatureWeights();
		int classes = categoryModel.getNrClass();
		Map<String, double[]> weights = new HashMap<>();
		double[] bias = new double[categories.length + 1];
		for (int f = 0; f <= names.size(); f++) {
			double[] w = new double[categories.length + 1];
			w[0] = crisis[f];
			for (int k = 0; k < classes; k++) {
				w[labels[k] + 1] = cw[f * classes + k];
			}
			for (int c = 0; c < categories.length; c++) {
				if (!contains(labels, c)) {
					w[c + 1] = f == names.size() ? -100 : 0; // a category with no statement is never chosen
				}
			}
			if (f == names.size()) {
				bias = w; // liblinear keeps the bias as the last feature
			}
			else {
				weights.put(names.get(f), w);
			}
		}
		return new SecondOpinion(weights, bias[0], java.util.Arrays.copyOfRange(bias, 1, bias.length), categories, threshold,
				version);
	}

	private static boolean contains(int[] labels, int label) {
		for (int l : labels) {
			if (l == label) {
				return true;
			}
		}
		return false;
	}

	/** The binary model's weights, signed so that a positive weight leans towards a crisis; the bias last. */
	private static double[] weights(List<Statement> statements, List<List<String>> features, Map<String, Integer> index,
			java.util.function.ToIntFunction<Statement> label) {
		Model m = model(statements, features, index, label);
		double[] w = m.getFeatureWeights();
		double sign = m.getLabels()[0] == 1 ? 1 : -1; // liblinear's weights favour its first label
		double[] out = new double[w.length];
		for (int i = 0; i < w.length; i++) {
			out[i] = sign * w[i];
		}
		return out;
	}

	private static Model model(List<Statement> statements, List<List<String>> features, Map<String, Integer> index,
			java.util.function.ToIntFunction<Statement> label) {
		Problem problem = new Problem();
		problem.l = statements.size();
		problem.n = index.size() + 1;
		problem.bias = 1;
		problem.x = new Feature[problem.l][];
		problem.y = new double[problem.l];
		for (int i = 0; i < problem.l; i++) {
			List<Integer> ids = new ArrayList<>();
			for (String f : features.get(i)) {
				Integer id = index.get(f);
				if (id != null) {
					ids.add(id);
				}
			}
			Collections.sort(ids);
			Feature[] x = new Feature[ids.size() + 1];
			for (int k = 0; k < ids.size(); k++) {
				x[k] = new FeatureNode(ids.get(k), 1);
			}
			x[ids.size()] = new FeatureNode(problem.n, 1);
			problem.x[i] = x;
			problem.y[i] = label.applyAsInt(statements.get(i));
		}
		Linear.resetRandom();
		return Linear.train(problem, new Parameter(SolverType.L2R_LR, C, 0.001));
	}

	/**
	 * Five folds, each scored by a detector whose model never saw it; per statement, whether the rules
	 * alone made it a crisis and the highest probability of a second-opinion flag that counts. Prints
	 * recall and false alarms per threshold and returns the chosen one.
	 */
	static double crossValidate(List<Statement> statements, List<List<String>> features, StringBuilder report) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(12));
		boolean[] rules = new boolean[statements.size()];
		double[] opinion = new double[statements.size()];
		for (int fold = 0; fold < FOLDS; fold++) {
			List<Statement> train = new ArrayList<>();
			List<List<String>> trainFeatures = new ArrayList<>();
			List<Integer> test = new ArrayList<>();
			for (int k = 0; k < order.size(); k++) {
				int i = order.get(k);
				if (k % FOLDS == fold) {
					test.add(i);
				}
				else {
					train.add(statements.get(i));
					trainFeatures.add(features.get(i));
				}
			}
			CrisisDetector detector = CrisisDetector.withOpinion(fit(train, trainFeatures, 0.05, "fold " + fold), true);
			for (int i : test) {
				Statement s = statements.get(i);
				for (CrisisFinding f : detector.detect(s.text(), "text", s.language()).findings()) {
					if (!f.counts()) {
						continue;
					}
					String rule = f.flag().ruleId();
					if (rule.startsWith("second-opinion:")) {
						opinion[i] = Math.max(opinion[i], Double.parseDouble(rule.substring(15, rule.indexOf('@'))));
					}
					else {
						rules[i] = true;
					}
				}
			}
		}
		report.append(String.format(Locale.ROOT, "Second opinion, %d-fold cross-validation on %d development statements "
				+ "(recall: crisis statements made a crisis; false alarms: non-crisis statements made a crisis)%n", FOLDS,
				statements.size()));
		report.append(String.format(Locale.ROOT, "%-10s %-22s %-18s %-22s %-18s %s%n", "threshold", "model alone: recall",
				"false alarms", "with the rules: recall", "false alarms", "ordinary answers raising a crisis"));
		double chosen = 0.99;
		for (int t = 99; t >= 50; t--) {
			double threshold = t / 100.0;
			int crises = 0;
			int found = 0;
			int alone = 0;
			int calm = 0;
			int alarms = 0;
			int aloneAlarms = 0;
			int ordinary = 0;
			int ordinaryAlarms = 0;
			for (int i = 0; i < statements.size(); i++) {
				boolean model = opinion[i] >= threshold;
				boolean crisis = rules[i] || model;
				if (statements.get(i).category() != null) {
					crises++;
					found += crisis ? 1 : 0;
					alone += model ? 1 : 0;
				}
				else if (statements.get(i).ordinary()) {
					ordinary++;
					ordinaryAlarms += crisis ? 1 : 0;
				}
				else {
					calm++;
					alarms += crisis ? 1 : 0;
					aloneAlarms += model ? 1 : 0;
				}
			}
			if (t % 5 == 0 || t == 99) {
				report.append(String.format(Locale.ROOT,
						"%-10.2f %5d/%-5d %5.1f %%   %4d/%-4d %5.1f %%   %5d/%-5d %5.1f %%   %4d/%-4d %5.1f %%   %d/%d%n", threshold,
						alone, crises, 100.0 * alone / crises, aloneAlarms, calm, 100.0 * aloneAlarms / calm, found, crises,
						100.0 * found / crises, alarms, calm, 100.0 * alarms / calm, ordinaryAlarms, ordinary));
			}
			if ((double) aloneAlarms / calm <= FALSE_ALARM_BUDGET) {
				chosen = threshold;
			}
		}
		int crises = 0;
		int found = 0;
		for (int i = 0; i < statements.size(); i++) {
			if (statements.get(i).category() != null) {
				crises++;
				found += rules[i] ? 1 : 0;
			}
		}
		report.append(String.format(Locale.ROOT, "rules alone (cross-validated model off): %d/%d; chosen threshold %.2f%n", found,
				crises, chosen));
		return chosen;
	}

	static String version(List<Statement> statements) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (Statement s : statements) {
				sha.update((s.language() + "|" + s.category() + "|" + s.text() + "\n").getBytes(StandardCharsets.UTF_8));
			}
			return "dev-" + statements.size() + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The TSV the engine reads; weights rounded to three decimals, features whose weights all round to zero left out. */
	static String write(SecondOpinion opinion, double threshold) {
		StringBuilder out = new StringBuilder();
		out.append("# The second opinion's weights, written by SecondOpinionTraining (triage-engine tests) from the\n");
		out.append("# development statements only; do not edit by hand, retrain. Columns: feature (w: a word's stem,\n");
		out.append("# p: two neighbouring words), crisis weight, then one weight per category.\n");
		out.append("version\t").append(opinion.version()).append('\n');
		out.append(String.format(Locale.ROOT, "threshold\t%.2f%n", threshold));
		out.append("categories");
		for (CrisisCategory c : CrisisCategory.values()) {
			out.append('\t').append(c.name());
		}
		out.append('\n');
		out.append(row("bias", opinion.biasRow()));
		new TreeMap<>(opinion.weightsView()).forEach((name, w) -> {
			String line = row(name, w);
			if (!line.matches("[^\t]*(\t-?0\\.000)+\n")) {
				out.append(line);
			}
		});
		return out.toString();
	}

	private static String row(String name, double[] w) {
		StringBuilder line = new StringBuilder(name);
		for (double v : w) {
			line.append('\t').append(String.format(Locale.ROOT, "%.3f", v));
		}
		return line.append('\n').toString();
	}

}
