package org.openintake.benchmark;

import java.util.List;

/**
 * How much load each scenario sends. {@link #full()} is what the issue asks for; {@link #quick()}
 * is a smoke run of the same code in about three minutes (its figures are not the benchmark's).
 *
 * @param stepRates scenario 2's arrival rates, tried in order until one misses the p99 limit
 * @param stepSeconds how long each step of scenario 2 lasts
 * @param idleCrisisCases crisis cases sent one by one into the idle pipeline: its latency without queues
 */
record RunPlan(String name, int warmupRate, int warmupCases, int steadyRate, int steadySeconds, List<Integer> stepRates,
		int stepSeconds, int backlogCases, int crisisCases, int crisisRate, int rawProducerRecords, int rawLatencyRecords,
		int idleCrisisCases) {

	static RunPlan full() {
		return new RunPlan("full", 100, 3000, 100, 60, List.of(200, 300, 400, 500, 650, 800, 1000, 1250, 1500, 2000), 4,
				20_000, 50, 5, 100_000, 2_000, 20);
	}

	static RunPlan quick() {
		return new RunPlan("quick", 100, 500, 100, 10, List.of(200, 400, 800), 2, 2_000, 10, 5, 20_000, 300, 5);
	}

}
