package org.openintake.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openintake.benchmark.KafkaProbe.Backlog;
import org.openintake.benchmark.OpenLoadGenerator.LoadRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run in which the pipeline kept up with scenario 2 left almost nothing to drain and once
 * reported "0.0 staff emails/s" as the pipeline's throughput; too small a backlog is now no figure.
 */
class DrainTest {

	private static final Backlog EMPTY = new Backlog(0, 0, 0, 0);

	@Test
	void aBacklogWorthDrainingGivesEmailsPerSecond() {
		var drain = new Results.Drain(new Backlog(0, 900, 100, 0), 1500, Duration.ofSeconds(10), EMPTY,
				Duration.ofSeconds(6));
		assertThat(drain.emailsPerSecond()).isEqualTo(150.0);
	}

	@Test
	void almostNothingToDrainIsNotAThroughput() {
		var drain = new Results.Drain(new Backlog(0, 38, 32, 0), 0, Duration.ofMillis(20), EMPTY, Duration.ZERO);
		assertThat(drain.emailsPerSecond()).isNaN();
	}

	@Test
	void aBacklogGoneInUnderFiveSecondsIsNotAThroughput() {
		var drain = new Results.Drain(new Backlog(0, 355, 281, 0), 353, Duration.ofMillis(700), EMPTY,
				Duration.ofMillis(700));
		assertThat(drain.emailsPerSecond()).isNaN();
	}

	@Test
	void withNothingToDrainScenarioThreeSaysWhatRateThePipelineKeptUpWith() {
		LoadRun routine = new LoadRun("routine backlog", 200, 20000, Duration.ofSeconds(100), Latencies.NONE,
				Latencies.NONE, Latencies.NONE, Map.of(202, 20000L), List.of(), Duration.ZERO);
		var keptUp = new Results.PriorityLane(routine, new Backlog(0, 13, 319, 0), 19700, routine, null, Duration.ZERO,
				EMPTY);
		assertThat(keptUp.staffEmailsPerSecond()).isEqualTo(197.0);
		assertThat(keptUp.keptPace()).isTrue();
		var fellBehind = new Results.PriorityLane(routine, new Backlog(0, 6000, 4000, 0), 10000, routine, null,
				Duration.ZERO, EMPTY);
		assertThat(fellBehind.keptPace()).isFalse();
	}

}
