package org.openintake.triage.engine.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import org.openintake.triage.engine.TriageEngine;
import org.openintake.events.IntakeForm;

/**
 * The JMH benchmark's intake, timed in this thread's CPU time rather than wall time: on a machine
 * shared with other builds (load averages of 10-20 on two cores), JMH's wall-clock samples mostly
 * measure the other processes, while CPU time per call still compares two versions of the engine.
 * Prints, per language, the best and the median of 15 rounds of 300 calls, in microseconds per call.
 * Not a test: {@code ./mvnw -o -pl triage-engine -Pbenchmark test-compile exec:java
 * -Dexec.mainClass=org.openintake.triage.engine.benchmark.CpuTime -Dexec.classpathScope=test}.
 */
public final class CpuTime {

	private CpuTime() {
	}

	public static void main(String[] args) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		TriageEngine engine = TriageEngine.loadDefault();
		for (String language : new String[] { "en", "es", "de", "fr", "it" }) {
			IntakeForm form = TriageBenchmark.intake(language);
			for (int i = 0; i < 3000; i++) {
				engine.assess(form); // warm-up: JIT
			}
			double[] rounds = new double[15];
			for (int r = 0; r < rounds.length; r++) {
				long start = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < 300; i++) {
					engine.assess(form);
				}
				rounds[r] = (threads.getCurrentThreadCpuTime() - start) / 300.0 / 1000.0;
			}
			Arrays.sort(rounds);
			System.out.printf("CPU time per 2 KB intake, %s: best %.0f us, median %.0f us%n", language, rounds[0],
					rounds[rounds.length / 2]);
		}
	}

}
