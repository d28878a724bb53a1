package org.openintake.triage.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.openintake.events.CrisisCategory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the engine over the frozen, blind held-out set ({@code heldout/heldout-<lang>.txt}, see its
 * README): statements written by someone who never read the lexicons, the development corpus or the
 * engine, and never tuned on. This is the figure that says how the engine does on wording it has
 * not seen; the development corpus's 100% does not.
 *
 * <p>A crisis statement counts as found when the assessment is a crisis (whatever category raised
 * it; the category agreement is printed beside it). A NONE statement is a false alarm when the
 * assessment is a crisis. Only figures are printed, never the statements: nobody tunes on this set.
 *
 * <p>The floors below are the measured figures when they were last raised (first: the phrase-lexicon
 * engine before issue 12, 166/530 crisis statements found, 30/256 false alarms; then the word-level
 * engine of issue 12, 255/530 found, 32/256 false alarms: its recall gain cost a statement or two of
 * false alarms in es, de and it, so those three ceilings were raised with it, and en's lowered; then
 * the second slice of issue 12, 277/530 found, 31/256 false alarms: every recall floor raised to its
 * figure less a small margin, en's ceiling lowered, the others kept where the figures sit just under them).
 * Raise the floors as the engine improves; never lower them. A change that lowers recall below a floor must be fixed in the engine,
 * never by editing this set.
 */
class HeldOutEvaluationTest {

	static final List<String> LANGUAGES = List.of("en", "es", "de", "fr", "it");

	/** Crisis recall per language must not fall below these (in percent). */
	static final Map<String, Double> RECALL_FLOOR = Map.of("en", 83.9, "es", 73.5, "de", 67.9, "fr", 73.5, "it", 69.8);

	/** False alarms per language must not rise above these (in percent). */
	static final Map<String, Double> FALSE_ALARM_CEILING = Map.of("en", 7.7, "es", 15.7, "de", 11.8, "fr", 11.8, "it",
			17.7);

	/**
	 * v2 (heldout-v2/, written in the fourth session by someone who saw neither the engine nor
	 * v1's statements, committed before its first run). The floors are that first run, less about
	 * one statement: crisis found en 54/113, es 45/112, de 39/113, fr 45/113, it 45/113 (228/564,
	 * 40 %); false alarms en 3/55, es 5/55, de 7/55, fr 5/55, it 3/55 (23/275, 8 %). v1 has been
	 * run often enough to be less than blind; v2 is the honest figure. Never tune on it.
	 *
	 * <p>Then the second opinion (issue 12, fifth session), its weights and threshold fixed on
	 * development data only. Run once with weights trained on batches 1-16: v2 342/564 crisis found,
	 * 31/275 false alarms; v1 363/530, 34/256. With the final weights (batches 1-22) and the denial
	 * and past cues of that session: v2 en 79/113, es 70/112, de 65/113, fr 72/113, it 77/113 (363/564,
	 * 64 %), false alarms en 3/55, es 6/55, de 7/55, fr 5/55, it 5/55 (26/275, 9.5 %); v1 396/530 and
	 * 28/256. Every floor is that run less one statement and every ceiling that run plus one (lower
	 * than before for most; v2 it and v1 es higher by a statement each, the price of 135 and 119 more
	 * unseen crisis statements found than the second slice's engine).
	 */
	static final Map<String, Double> RECALL_FLOOR_V2 = Map.of("en", 69.0, "es", 61.6, "de", 56.6, "fr", 62.8, "it",
			67.2);

	static final Map<String, Double> FALSE_ALARM_CEILING_V2 = Map.of("en", 7.3, "es", 12.8, "de", 14.6, "fr", 11.0,
			"it", 11.0);

	/**
	 * v3 (heldout-v3/, written in the fifth session by someone who read only the list of codes and
	 * kinds, committed before its first run, 115 crisis and 60 non-crisis statements per language).
	 * The floors are its first run, with the second opinion and the denial and past cues of that
	 * session, less about one statement; the ceilings that run plus one. Never tune on it.
	 */
	static final Map<String, Double> RECALL_FLOOR_V3 = Map.of("en", 79.1, "es", 70.4, "de", 82.6, "fr", 73.0, "it", 80.0);

	static final Map<String, Double> FALSE_ALARM_CEILING_V3 = Map.of("en", 13.4, "es", 13.4, "de", 11.7, "fr", 10.0,
			"it", 8.4);

	static final Map<String, CrisisCategory> CODES = CrisisCorpusTest.CODES;

	record Statement(String language, String code, String kind, String text) {

		boolean crisis() {
			return !"NONE".equals(this.code);
		}

	}

	record Result(Statement statement, boolean crisis, boolean rightCategory) {

		boolean correct() {
			return this.statement.crisis() == this.crisis;
		}

	}

	/** @param set the folder under the test resources: {@code heldout} (v1) or {@code heldout-v2} */
	static List<Statement> load(String set) throws IOException {
		List<Statement> statements = new ArrayList<>();
		for (String language : LANGUAGES) {
			String file = "/" + set + "/heldout-" + language + ".txt";
			try (InputStream in = HeldOutEvaluationTest.class.getResourceAsStream(file)) {
				if (in == null) {
					throw new IllegalStateException("missing " + file);
				}
				String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
				for (int i = 0; i < lines.length; i++) {
					String line = lines[i].strip();
					if (line.isEmpty() || line.startsWith("#")) {
						continue;
					}
					String[] f = line.split("\\|", 3);
					if (f.length != 3 || !(CODES.containsKey(f[0]) || "NONE".equals(f[0]))) {
						throw new IllegalStateException(file + ":" + (i + 1) + ": expected CODE|kind|text");
					}
					statements.add(new Statement(language, f[0], f[1], f[2]));
				}
			}
		}
		return statements;
	}

	@Test
	void heldOutRecallAndFalseAlarmsStayWithinTheirFloors() throws IOException {
		assertWithin(evaluate("heldout", "v1"), RECALL_FLOOR, FALSE_ALARM_CEILING);
	}

	@Test
	void secondHeldOutSetStaysWithinItsFloors() throws IOException {
		assertWithin(evaluate("heldout-v2", "v2"), RECALL_FLOOR_V2, FALSE_ALARM_CEILING_V2);
	}

	@Test
	void thirdHeldOutSetStaysWithinItsFloors() throws IOException {
		assertWithin(evaluate("heldout-v3", "v3"), RECALL_FLOOR_V3, FALSE_ALARM_CEILING_V3);
	}

	private static List<Result> evaluate(String set, String name) throws IOException {
		TriageEngine engine = TriageEngine.loadDefault();
		List<Result> results = load(set).stream().map(s -> {
			Assessment a = engine.assessText(s.text(), s.language());
			boolean right = s.crisis() && a.flags()
				.stream()
				.anyMatch(f -> f.category() == CODES.get(s.code()) && !f.negated() && !f.historical()
						&& !f.otherExperiencer());
			return new Result(s, a.crisis(), right);
		}).toList();

		StringBuilder report = new StringBuilder("\nHeld-out evaluation " + name + " (frozen; figures only)\n");
		report.append(table("language", results, r -> r.statement().language()));
		report.append(table("category", results.stream().filter(r -> r.statement().crisis()).toList(),
				r -> r.statement().code()));
		report.append(table("kind", results, r -> r.statement().kind()));
		System.out.println(report);
		return results;
	}

	private static void assertWithin(List<Result> results, Map<String, Double> recallFloor,
			Map<String, Double> falseAlarmCeiling) {
		assertThat(results).hasSizeGreaterThanOrEqualTo(600);
		for (String language : LANGUAGES) {
			List<Result> mine = results.stream().filter(r -> r.statement().language().equals(language)).toList();
			double recall = percent(mine.stream().filter(r -> r.statement().crisis()).toList(), Result::crisis);
			double falseAlarms = percent(mine.stream().filter(r -> !r.statement().crisis()).toList(), Result::crisis);
			assertThat(recall).as("%s held-out crisis recall (floor %s%%)", language, recallFloor.get(language))
				.isGreaterThanOrEqualTo(recallFloor.get(language));
			assertThat(falseAlarms).as("%s held-out false alarms (ceiling %s%%)", language,
					falseAlarmCeiling.get(language))
				.isLessThanOrEqualTo(falseAlarmCeiling.get(language));
		}
	}

	private static String table(String by, List<Result> results, Function<Result, String> key) {
		Map<String, List<Result>> groups = new TreeMap<>();
		results.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
		StringBuilder out = new StringBuilder(String.format("%n| %-14s | crisis found | right category | false alarms |%n", by));
		out.append("|---|---|---|---|\n");
		groups.forEach((name, group) -> {
			List<Result> crisis = group.stream().filter(r -> r.statement().crisis()).toList();
			List<Result> none = group.stream().filter(r -> !r.statement().crisis()).toList();
			out.append(String.format("| %-14s | %s | %s | %s |%n", name, figure(crisis, Result::crisis),
					figure(crisis, Result::rightCategory), figure(none, Result::crisis)));
		});
		List<Result> crisis = results.stream().filter(r -> r.statement().crisis()).toList();
		List<Result> none = results.stream().filter(r -> !r.statement().crisis()).toList();
		out.append(String.format("| %-14s | %s | %s | %s |%n", "all", figure(crisis, Result::crisis),
				figure(crisis, Result::rightCategory), figure(none, Result::crisis)));
		return out.toString();
	}

	private static String figure(List<Result> group, java.util.function.Predicate<Result> counted) {
		if (group.isEmpty()) {
			return "—";
		}
		long n = group.stream().filter(counted).count();
		return String.format("%d/%d (%.1f %%)", n, group.size(), 100.0 * n / group.size());
	}

	private static double percent(List<Result> group, java.util.function.Predicate<Result> counted) {
		return group.isEmpty() ? 0 : 100.0 * group.stream().filter(counted).count() / group.size();
	}


}
