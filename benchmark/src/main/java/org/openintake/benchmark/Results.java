package org.openintake.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.openintake.benchmark.KafkaProbe.Backlog;
import org.openintake.benchmark.KafkaProbe.RecordSize;
import org.openintake.benchmark.OpenLoadGenerator.LoadRun;
import org.openintake.benchmark.RawKafka.EndToEndRun;
import org.openintake.benchmark.RawKafka.ProducerRun;
import org.openintake.benchmark.StackUnderTest.Startup;

/**
 * Everything one run measured, for the report.
 *
 * @param loadBefore the machine's load average before the run, {@code loadAfter} at its end
 * @param cpu CPU per process in each phase, {@code stages} the services' stage meters in each phase
 */
record Results(Machine machine, String loadBefore, String loadAfter, Instant startedAt, Duration runTime, RunPlan plan,
		Map<Service, Startup> startups, Map<Service, Long> idleRss, Map<Service, Long> loadRss, RecordSize recordSize,
		SmtpProbe.Timings smtp, IdleCrisis idleCrisis, Steady steady, List<Step> steps, Drain drain,
		PriorityLane priorityLane, Raw raw, Map<String, CpuUsage> cpu,
		Map<String, StageMeters.Snapshot> stages) {

	/**
	 * Scenario 1.
	 *
	 * @param emails staff emails sent for these cases, by lane, from the notification meter
	 */
	record Steady(LoadRun run, Backlog backlogAtEnd, EndToEndMeter.Snapshot emails, StaffMailCheck.Delivery delivery) {
	}

	/**
	 * Scenario 0: crisis cases one at a time (2/s) into an idle pipeline, so no queue anywhere:
	 * the pipeline's own latency, to set beside Kafka's EndToEndLatency.
	 */
	record IdleCrisis(LoadRun run, PrometheusHistogram emails) {
	}

	/** One step of scenario 2. */
	record Step(LoadRun run, boolean sustained) {
	}

	/**
	 * The pipeline emptying the backlog scenario 2 left: how fast triage and notification really
	 * get cases to staff when they have plenty to do.
	 */
	record Drain(Backlog before, long emails, Duration took, Backlog after, Duration triageCaughtUp) {

		/** Intake events triage took per second while it had a backlog (null if it never caught up). */
		Double triagePerSecond() {
			return triageCaughtUp == null || before.intakeSubmissions() == 0 ? null
					: before.intakeSubmissions() / Math.max(0.5, triageCaughtUp.toMillis() / 1000.0);
		}

		/**
		 * Staff emails per second while draining, or NaN when there was too little to drain for a
		 * rate to mean anything (the pipeline had caught up with scenario 2 by itself, or nearly).
		 */
		double emailsPerSecond() {
			if (before.total() < MIN_BACKLOG || took.compareTo(MIN_WINDOW) < 0) {
				return Double.NaN;
			}
			return emails / Math.max(0.001, took.toMillis() / 1000.0);
		}

		/** Below this many queued records a drain takes well under a second of 0.5 s polls. */
		static final long MIN_BACKLOG = 500;

		/**
		 * A backlog gone in less than this is read by a handful of 0.5 s polls: one run gave "515/s"
		 * from 353 emails in 0.7 s. Scenario 3's rate says more then.
		 */
		static final Duration MIN_WINDOW = Duration.ofSeconds(5);

	}

	/**
	 * Scenario 3.
	 *
	 * @param staffEmailsWhileSending staff emails notification sent while the routine cases were
	 * being submitted: with little left queued at the end, the rate the whole pipeline kept up with
	 */
	record PriorityLane(LoadRun backlogRun, Backlog backlogAtFirstCrisis, long staffEmailsWhileSending, LoadRun crisisRun,
			PrometheusHistogram crisisEmails, Duration waitedForCrisisEmails, Backlog backlogAtEnd) {

		/** Staff emails per second over the window in which the routine cases were submitted. */
		double staffEmailsPerSecond() {
			return staffEmailsWhileSending / Math.max(0.001, backlogRun.window().toMillis() / 1000.0);
		}

		/** Whether the pipeline kept pace with the routine cases: under a second's worth queued at the end. */
		boolean keptPace() {
			return backlogAtFirstCrisis.total() < Math.max(Drain.MIN_BACKLOG, backlogRun.targetRate());
		}

	}

	/** Scenario 4: Kafka's own tools on the same broker. */
	record Raw(ProducerRun maxThroughput, ProducerRun atSteadyRate, EndToEndRun endToEnd) {
	}

	/** Scenario 2's answer: the highest step that held p99 submission→202 under the limit without errors. */
	Step maxSustainable() {
		return maxSustainable(steps);
	}

	/** The last step of an unbroken run of sustainable steps from the first, or null. */
	static Step maxSustainable(List<Step> steps) {
		Step best = null;
		for (Step step : steps) {
			if (!step.sustained()) {
				break;
			}
			best = step;
		}
		return best;
	}

}
