package org.openintake.triage.engine.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openintake.events.CaseTriaged.Score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every band edge of every instrument, scored from item answers that add up to the total. */
class InstrumentBandsTest {

	/** Spreads {@code total} over {@code size} items of at most {@code max} each. */
	static List<Integer> items(int total, int size, int max) {
		List<Integer> items = new ArrayList<>(Collections.nCopies(size, 0));
		for (int i = 0; i < size && total > 0; i++) {
			int v = Math.min(max, total);
			items.set(i, v);
			total -= v;
		}
		return items;
	}

	@ParameterizedTest
	@CsvSource({ "0,minimal,false", "4,minimal,false", "5,mild,false", "9,mild,false", "10,moderate,true",
			"14,moderate,true", "15,moderately severe,true", "19,moderately severe,true", "20,severe,true",
			"27,severe,true" })
	void phq9(int total, String band, boolean positive) {
		Score score = Phq9.score(items(total, 9, 3));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.band()).isEqualTo(band);
		assertThat(score.positive()).isEqualTo(positive);
	}

	@ParameterizedTest
	@CsvSource({ "0,minimal,false", "4,minimal,false", "5,mild,false", "9,mild,false", "10,moderate,true",
			"14,moderate,true", "15,severe,true", "21,severe,true" })
	void gad7(int total, String band, boolean positive) {
		Score score = Gad7.score(items(total, 7, 3));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.band()).isEqualTo(band);
		assertThat(score.positive()).isEqualTo(positive);
	}

	@ParameterizedTest
	@CsvSource({ "male,3,false", "male,4,true", "female,2,false", "female,3,true", "other,2,false", "other,3,true",
			"undisclosed,3,true", ",2,false", ",3,true", "male,12,true", "female,0,false" })
	void auditCBySex(String sex, int total, boolean positive) {
		Score score = AuditC.score(items(total, 3, 4), sex);
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.positive()).isEqualTo(positive);
		assertThat(score.band()).isEqualTo(positive ? "positive" : "negative");
	}

	@ParameterizedTest
	@CsvSource({ "0,none,false", "1,low,false", "2,low,false", "3,moderate,true", "5,moderate,true",
			"6,substantial,true", "8,substantial,true", "9,severe,true", "10,severe,true" })
	void dast10(int total, String band, boolean positive) {
		Score score = Dast10.score(dastItems(total));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.band()).isEqualTo(band);
		assertThat(score.positive()).isEqualTo(positive);
	}

	/** Item 3 is reversed: answered "no" (0) it scores 1. Fill it first to prove the reversal. */
	private static List<Integer> dastItems(int total) {
		List<Integer> items = new ArrayList<>(Collections.nCopies(10, 0));
		items.set(2, 1); // "yes, always able to stop" scores 0
		if (total > 0) {
			items.set(2, 0);
			total--;
		}
		for (int i = 0; i < 10 && total > 0; i++) {
			if (i != 2) {
				items.set(i, 1);
				total--;
			}
		}
		return items;
	}

	@ParameterizedTest
	@CsvSource({ "1,0", "0,1" })
	void dast10ItemThreeIsReversed(int item3Answer, int expectedTotal) {
		List<Integer> items = new ArrayList<>(Collections.nCopies(10, 0));
		items.set(2, item3Answer);
		assertThat(Dast10.score(items).total()).isEqualTo(expectedTotal);
	}

	@ParameterizedTest
	@CsvSource({ "0,false", "2,false", "3,true", "5,true" })
	void pcPtsd5(int total, boolean positive) {
		Score score = PcPtsd5.score(items(total, 5, 1));
		assertThat(score.total()).isEqualTo(total);
		assertThat(score.positive()).isEqualTo(positive);
	}

	@ParameterizedTest
	@CsvSource({
			// items 1-3 count from 2 (sometimes), items 4-6 from 3 (often)
			"'2,2,2,3,0,0',4,true", "'2,2,2,2,2,2',3,false", "'1,1,1,4,4,4',3,false", "'2,1,1,3,3,3',4,true",
			"'4,4,4,4,4,4',6,true", "'0,0,0,0,0,0',0,false", "'1,2,2,3,2,3',4,true", "'1,2,2,2,2,3',3,false" })
	void asrsPartA(String answers, int over, boolean positive) {
		List<Integer> items = java.util.Arrays.stream(answers.split(",")).map(Integer::valueOf).toList();
		Score score = AsrsPartA.score(items);
		assertThat(score.total()).isEqualTo(over);
		assertThat(score.positive()).isEqualTo(positive);
	}

	@org.junit.jupiter.api.Test
	void outOfRangeAnswersAreRefusedNamingTheItem() {
		assertThatIllegalArgumentException().isThrownBy(() -> Phq9.score(List.of(0, 0, 0, 0, 4, 0, 0, 0, 0)))
			.withMessageContaining("PHQ-9 item 5");
		assertThatIllegalArgumentException().isThrownBy(() -> Gad7.score(List.of(0, 0, 0)))
			.withMessageContaining("GAD-7 needs 7");
		assertThatIllegalArgumentException().isThrownBy(() -> Dast10.score(items(0, 10, 2).stream().map(i -> 2).toList()))
			.withMessageContaining("DAST-10 item 1");
	}

}
