package org.openintake.triage.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.openintake.events.CrisisCategory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fresh development paraphrases ({@code dev/paraphrases-<n>.txt}), each batch written before it was
 * first run: prints recall (a crisis with a current flag of the statement's category) and false alarms
 * per language and fails only if the figures fall below what CLINICAL-SAFETY.md reports, so a
 * change that loses them is noticed. Development data: tuned on after the first run.
 */
class DevParaphraseTest {

	/**
	 * Per batch, the crisis statements found and the false alarms after tuning on it (first runs: batch
	 * 1 44/54 and 1/17, batch 2 23/53 and 0/17, batch 3 54/97 and 6/40, batch 4 37/76 and 2/44, batch 5 27/36 and 11/40, batch 6 17/53 and 0/18, batch 7 25/55 and 1/17, batch 8 6/6 and 32/54, batch 9 5/5 and 9/14, batch 10 0/0 and 12/16, batch 11 0/0 and 10/12, batch 12 2/2 and 6/8, batch 13 1/1 and 5/7, batch 14 6/6 and 8/23; batches 15 and 16, written as training data for the second opinion, with the rules alone 116/330 and 39/270, 109/270 and 38/230, then trained on, and their false alarms cut to 23 and 19 by denial and past cues (no recall lost); batches 2, 4, 6 and 7 rose with the second opinion (7 to 54 with weights trained on batches 1-16, 53 with the final ones); batch 19 first run 132/280 crisis and 16/220 false alarms with the rules alone (right category 113), 201/280 and 20/220 with the second opinion trained without it; batches 17-22 are training data (their false alarms are the rules', to work on); batch 23 holds short ordinary answers, none a crisis, added after "Sleep again." raised one; each retrain moves a batch's figure by a few statements either way (15 265 -> 264, 19 236 -> 232, 22's false alarms 37 -> 38 with batch 23), and the floors are the figures of the weights committed; batch 7 was 52 before "me da miedo" left the Spanish urges; see
	 * CLINICAL-SAFETY.md); a change must not do worse.
	 */
	static final Map<String, int[]> FLOOR = Map.ofEntries(
			Map.entry("/dev/paraphrases-1.txt", new int[] { 53, 0 }),
			Map.entry("/dev/paraphrases-2.txt", new int[] { 52, 0 }),
			Map.entry("/dev/paraphrases-3.txt", new int[] { 97, 0 }),
			Map.entry("/dev/paraphrases-4.txt", new int[] { 76, 0 }),
			Map.entry("/dev/paraphrases-5.txt", new int[] { 36, 0 }),
			Map.entry("/dev/paraphrases-6.txt", new int[] { 53, 0 }),
			Map.entry("/dev/paraphrases-7.txt", new int[] { 54, 0 }),
			Map.entry("/dev/paraphrases-8.txt", new int[] { 6, 5 }),
			Map.entry("/dev/paraphrases-9.txt", new int[] { 5, 0 }),
			Map.entry("/dev/paraphrases-10.txt", new int[] { 0, 2 }),
			Map.entry("/dev/paraphrases-11.txt", new int[] { 0, 2 }),
			Map.entry("/dev/paraphrases-12.txt", new int[] { 2, 0 }),
			Map.entry("/dev/paraphrases-13.txt", new int[] { 1, 0 }),
			Map.entry("/dev/paraphrases-14.txt", new int[] { 6, 1 }),
			Map.entry("/dev/paraphrases-15.txt", new int[] { 264, 23 }),
			Map.entry("/dev/paraphrases-16.txt", new int[] { 223, 19 }),
			Map.entry("/dev/paraphrases-17.txt", new int[] { 181, 41 }),
			Map.entry("/dev/paraphrases-18.txt", new int[] { 204, 37 }),
			Map.entry("/dev/paraphrases-19.txt", new int[] { 232, 17 }),
			Map.entry("/dev/paraphrases-20.txt", new int[] { 208, 33 }),
			Map.entry("/dev/paraphrases-21.txt", new int[] { 157, 41 }),
			Map.entry("/dev/paraphrases-22.txt", new int[] { 224, 38 }),
			Map.entry("/dev/paraphrases-23.txt", new int[] { 0, 2 }));

	record Row(String language, String code, String text) {
	}

	static List<Row> load(String file) throws IOException {
		List<Row> rows = new ArrayList<>();
		try (InputStream in = DevParaphraseTest.class.getResourceAsStream(file)) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\\|", 3);
				rows.add(new Row(f[0], f[1], f[2].strip()));
			}
		}
		return rows;
	}

	@Test
	void reportRecallAndFalseAlarmsOnFreshParaphrases() throws IOException {
		for (String file : new java.util.TreeSet<>(FLOOR.keySet())) {
			report(file);
		}
	}

	static void report(String file) throws IOException {
		TriageEngine engine = ParaphraseMatrixTest.ENGINE;
		List<Row> rows = load(file);
		System.out.println(file + ":");
		Map<String, int[]> table = new TreeMap<>();
		int found = 0;
		int alarms = 0;
		for (Row r : rows) {
			Assessment a = engine.assessText(r.text(), r.language());
			int[] n = table.computeIfAbsent(r.language(), k -> new int[4]);
			if (r.code().equals("NONE")) {
				n[3]++;
				if (a.crisis()) {
					n[2]++;
					alarms++;
					System.out.println("  false alarm " + r.language() + ": " + r.text() + " -> " + ParaphraseMatrixTest.describe(a));
				}
				continue;
			}
			CrisisCategory category = CrisisCorpusTest.CODES.get(r.code());
			n[1]++;
			if (ParaphraseMatrixTest.hit(a, category)) {
				n[0]++;
				found++;
			}
			else {
				System.out.println("  missed " + r.language() + " " + category + ": " + r.text() + " -> "
						+ ParaphraseMatrixTest.describe(a));
			}
		}
		table.forEach((l, n) -> System.out.println("Dev paraphrases " + l + ": crisis " + n[0] + "/" + n[1] + ", false alarms "
				+ n[2] + "/" + n[3]));
		System.out.println("Dev paraphrases all: crisis " + found + ", false alarms " + alarms);
		assertThat(found).as(file + " crisis found").isGreaterThanOrEqualTo(FLOOR.get(file)[0]);
		assertThat(alarms).as(file + " false alarms").isLessThanOrEqualTo(FLOOR.get(file)[1]);
	}

}
