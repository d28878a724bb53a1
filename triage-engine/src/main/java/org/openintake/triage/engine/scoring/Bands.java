package org.openintake.triage.engine.scoring;

import java.util.List;

/** Sums and range checks shared by the instruments. */
final class Bands {

	private Bands() {
	}

	static int sum(List<Integer> items, int expectedSize, int maxItem, String instrument) {
		check(items, expectedSize, maxItem, instrument);
		int total = 0;
		for (int item : items) {
			total += item;
		}
		return total;
	}

	static void check(List<Integer> items, int expectedSize, int maxItem, String instrument) {
		if (items == null || items.size() != expectedSize) {
			throw new IllegalArgumentException(instrument + " needs " + expectedSize + " item answers");
		}
		for (int i = 0; i < items.size(); i++) {
			Integer item = items.get(i);
			if (item == null || item < 0 || item > maxItem) {
				throw new IllegalArgumentException(instrument + " item " + (i + 1) + " must be 0-" + maxItem);
			}
		}
	}

}
