package org.openintake.benchmark;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openintake.benchmark.KafkaProbe.Backlog;

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

}
