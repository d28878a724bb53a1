package org.openintake.benchmark;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;


import org.openintake.benchmark.OpenLoadGenerator.LoadRun;
import org.openintake.benchmark.Results.Step;

/** The figures of one run as Markdown: what was measured, then the targets met or missed. */
final class Report {

	static final String PHASE_STEADY = "1. steady";

	static final String PHASE_STEPS = "2. rising rates";

	static final String PHASE_DRAIN = "2b. drain";

	static final String PHASE_PRIORITY_LANE = "3. priority lane";

	/** Kafka's version on this classpath: kafka-tools and kafka-clients come from the same BOM version. */
	private static final String KAFKA_VERSION = java.util.Objects.requireNonNullElse(
			org.apache.kafka.common.utils.AppInfoParser.getVersion(), "unknown");

	private final Results r;

	private final StringBuilder out = new StringBuilder();

	Report(Results results) {
		this.r = results;
	}

	String markdown() {
		line("# OpenIntake benchmark: " + plan() + " run of "
				+ DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(r.startedAt()));
		line();
		line("- Machine: " + r.machine().summary());
		line("- Load average (1/5/15 min) before the run: " + r.loadBefore() + "; at the end of the last scenario: "
				+ r.loadAfter() + ". Above " + r.machine().cpus() + " means processes queue for a CPU; see \"other"
				+ " processes\" under Where the CPU went for what else ran meanwhile.");
		line("- Command: `./mvnw -DskipTests package && java -jar benchmark/target/benchmark.jar"
				+ (r.plan().name().equals("full") ? "" : " --quick") + "` (the whole run took "
				+ r.runTime().toMinutes() + " min " + r.runTime().toSecondsPart() + " s)");
		line("- Load: open model (fixed arrival rate; latency from each case's due time), case mix "
				+ Math.round(CaseMix.CRISIS_SHARE * 100) + "% crisis, every track, en/es/de/fr/it, half with"
				+ " consent to contact (a second email each). Everything (Kafka, GreenMail, PostgreSQL, the OIDC provider,"
				+ " four services, load generator) shares this machine.");
		line("- Intake events on the wire: " + r.recordSize().valueBytes() + " bytes per value (mean of "
				+ r.recordSize().sampled() + " real records); the raw-Kafka tools send values of this size.");
		line("- Submission→202: measured by the load generator per case. Submission→staff email: notification-service's"
				+ " `notification_end_to_end_latency_seconds` histogram (by lane), from intake's acceptance of the case to"
				+ " SMTP accepting the staff email; \"≤\" marks a histogram bucket's upper bound.");
		line();

		startup();
		idleCrisis();
		steady();
		steps();
		priorityLane();
		raw();
		cpu();
		stages();
		targets();
		return out.toString();
	}

	private void startup() {
		line("## Startup and memory");
		line();
		line("| service | JVM start → healthy | Spring \"process running for\" | RSS idle | RSS under load (peak) |");
		line("|---|---:|---:|---:|---:|");
		for (Service service : Service.values()) {
			var startup = r.startups().get(service);
			line("| %s | %s | %s | %s | %s |".formatted(service.module(), seconds(startup.toHealthy()),
					startup.springProcessRunning().map(Report::seconds).orElse("–"), mb(r.idleRss().get(service)),
					mb(r.loadRss().get(service))));
		}
		line();
		line("The services start one at a time (intake, triage, notification, casework) once Kafka, GreenMail,"
				+ " PostgreSQL and the OIDC provider are up, each while the ones before it idle; each from its"
				+ " extracted jar with a class-data archive when an earlier run recorded one"
				+ " (local-stack/target/class-data: the AOT cache on JDK 25, a dynamic CDS archive on JDK 17-24), with "
				+ StackUnderTest.serviceJvmOptions()
					.map(options -> "these JVM settings instead of the launcher's: `" + options + "`")
					.orElse("the launcher's JVM settings (`SpringService.jvmOptions`: serial GC, capped heap, client"
							+ " compiler only, two malloc arenas)")
				+ ". The JVM is the one named under Machine above.");
		line();
	}

	private void idleCrisis() {
		var idle = r.idleCrisis();
		line("## 0. Crisis cases into the idle pipeline (" + idle.run().sent() + " at " + fmt(idle.run().targetRate())
				+ "/s)");
		line();
		line("No queue anywhere: what one crisis case costs from submission to the on-call mailbox.");
		line();
		latencyHeader("what");
		latencyRow("crisis submission→202", idle.run().crisis(), Double.NaN);
		latencyRow("crisis submission→on-call email", idleCrisisEmails(), Double.NaN);
		line();
		var smtp = r.smtp();
		line("One SMTP session with the stack's GreenMail, as notification-service opens one per email (median of 20,"
				+ " idle): connect + greeting %s ms, EHLO %s ms, MAIL/RCPT/DATA %s ms, QUIT %s ms.".formatted(
						Latencies.format(smtp.connectAndGreeting(), false), Latencies.format(smtp.ehlo(), false),
						Latencies.format(smtp.mailRcptData(), false), Latencies.format(smtp.quit(), false)));
		line();
	}

	private Latencies idleCrisisEmails() {
		return r.idleCrisis().emails().toLatencies(r.idleCrisis().run().crisisAccepted());
	}

	private void steady() {
		LoadRun run = r.steady().run();
		line("## 1. Steady " + fmt(run.targetRate()) + " submissions/s for " + r.plan().steadySeconds() + " s");
		line();
		latencyHeader("what");
		latencyRow("submission→202, all", run.all(), run.throughput());
		latencyRow("submission→202, crisis", run.crisis(), Double.NaN);
		latencyRow("submission→202, routine", run.routine(), Double.NaN);
		latencyRow("submission→staff email, crisis (on-call)", steadyCrisisEmails(), Double.NaN);
		latencyRow("submission→staff email, routine", steadyRoutineEmails(), Double.NaN);
		line();
		line("Sent " + run.sent() + ", answers by status " + run.statuses() + ". Crisis staff emails measured: "
				+ r.steady().emails().crisis().count() + " of " + run.crisisAccepted() + ". Routine: the lane sent "
				+ r.steady().emails().routine().count() + " staff emails in the window (meter: "
				+ r.steady().emails().routine().toLatencies().p50Text() + " ms p50), mostly for older cases still queued"
				+ " from before; of this scenario's own routine cases GreenMail had the number in the n column once the"
				+ " crisis emails were in; ∞ = not emailed by then, – = emailed, time unknown."
				+ " Checked in GreenMail: " + r.steady().delivery().summary() + ".");
		line();
		line("Backlog when the last case was answered: " + backlog(r.steady().backlogAtEnd()) + ". A possible crisis"
				+ " takes intake-priority (the lane at the door), so it does not wait behind the routine cases triage has"
				+ " not taken yet.");
		line();
	}

	private Latencies steadyCrisisEmails() {
		return r.steady().emails().crisis().toLatencies(r.steady().run().crisisAccepted());
	}

	/**
	 * Routine staff emails of scenario 1's own cases. The routine lane cannot keep up with 100/s, so
	 * the meter's routine emails in the window belong mostly to older cases (the warm-up's): they
	 * cannot stand for these cases. What is known is how many of these cases GreenMail had by the end
	 * of the wait; the others are slower than anything measured (∞), and the delivered ones'
	 * latencies are unknown (–).
	 */
	private Latencies steadyRoutineEmails() {
		LoadRun run = r.steady().run();
		var delivery = r.steady().delivery();
		long routine = run.acceptedCount() - run.crisisAccepted();
		long delivered = delivery.rightMailbox() - delivery.crisisOnCall();
		return new Latencies(delivered, unknownOrInfinite(0.50, delivered, routine),
				unknownOrInfinite(0.99, delivered, routine), unknownOrInfinite(0.999, delivered, routine),
				unknownOrInfinite(1.0, delivered, routine), Double.NaN, false);
	}

	private static double unknownOrInfinite(double quantile, long delivered, long of) {
		return Math.ceil(quantile * of) > delivered ? Double.POSITIVE_INFINITY : Double.NaN;
	}

	private Latencies crisisBehindBacklog() {
		return r.priorityLane().crisisEmails().toLatencies(r.priorityLane().crisisRun().crisisAccepted());
	}

	private void steps() {
		Step best = r.maxSustainable();
		line("## 2. Maximum sustainable rate (p99 submission→202 under " + Benchmark.SUSTAINABLE_P99.toMillis()
				+ " ms, no failures)");
		line();
		line("Rates rise in steps of " + r.plan().stepSeconds() + " s; the cases pile up downstream meanwhile.");
		line();
		line("| target rate /s | achieved 202/s | p50 ms | p99 ms | p99.9 ms | max ms | failed | generator lag max ms | sustainable |");
		line("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
		for (Step step : r.steps()) {
			LoadRun run = step.run();
			line("| %s | %s | %s | %s | %s | %s | %d | %d | %s |".formatted(fmt(run.targetRate()), fmt(run.throughput()),
					run.all().p50Text(), run.all().p99Text(), run.all().p999Text(), run.all().maxText(), run.failed(),
					run.worstSendDelay().toMillis(), step.sustained() ? "yes" : "**no**"));
		}
		line();
		line("**Maximum sustainable intake rate: " + (best == null ? "below the first step"
				: fmt(best.run().targetRate()) + " submissions/s") + "**"
				+ (r.steps().stream().allMatch(Step::sustained) ? " (every step held: the real maximum is higher)" : "")
				+ ".");
		line();
		var drain = r.drain();
		line((Double.isNaN(drain.emailsPerSecond())
				? "The pipeline behind it had nearly caught up by itself (under " + Results.Drain.MIN_BACKLOG
						+ " records queued, or gone in under " + seconds(Results.Drain.MIN_WINDOW)
						+ "), so its drain rate is **not measured** here; see scenario 3 for the rate it kept up with"
				: "The pipeline behind it (triage + notification) then emptied the backlog at **"
						+ fmt(drain.emailsPerSecond()) + " staff emails/s**")
				+ " (" + drain.emails() + " in " + seconds(drain.took()) + "; backlog before "
				+ backlog(drain.before()) + ", after " + backlog(drain.after()) + ")."
				+ (drain.triagePerSecond() == null ? ""
						: " Triage alone worked through its part at " + fmt(drain.triagePerSecond()) + " intake events/s ("
								+ drain.before().intakeSubmissions() + " in " + seconds(drain.triageCaughtUp()) + ")."));
		line();
	}

	private void priorityLane() {
		var lane = r.priorityLane();
		line("## 3. Priority lane: crisis cases behind " + lane.backlogRun().sent() + " routine cases, lane at the door");
		line();
		line("Routine cases sent at " + fmt(lane.backlogRun().targetRate()) + "/s (" + lane.backlogRun().acceptedCount()
				+ " accepted, submission→202 p99 " + lane.backlogRun().all().p99Text() + " ms), then "
				+ lane.crisisRun().sent() + " crisis cases at " + fmt(lane.crisisRun().targetRate()) + "/s.");
		line("Backlog when the first crisis case arrived: " + backlog(lane.backlogAtFirstCrisis()) + ". While the routine"
				+ " cases were sent, notification emailed staff " + lane.staffEmailsWhileSending() + " times ("
				+ fmt(lane.staffEmailsPerSecond()) + "/s over " + seconds(lane.backlogRun().window()) + ")"
				+ (lane.keptPace() ? ": the whole pipeline kept pace with the rate offered."
						: "; the pipeline fell behind the rate offered."));
		line();
		latencyHeader("what");
		latencyRow("crisis submission→202", lane.crisisRun().crisis(), Double.NaN);
		latencyRow("crisis submission→on-call email", crisisBehindBacklog(), Double.NaN);
		line();
		line("Crisis emails counted: " + lane.crisisEmails().count() + " of " + lane.crisisRun().crisisAccepted()
				+ " accepted (waited " + seconds(lane.waitedForCrisisEmails()) + "); backlog left: "
				+ backlog(lane.backlogAtEnd()) + ".");
		line();
	}

	private void raw() {
		var raw = r.raw();
		LoadRun steady = r.steady().run();
		Step best = r.maxSustainable();
		var crisis = steadyCrisisEmails();
		line("## 4. Raw Kafka on the same broker, and ours / raw");
		line();
		line("Kafka's own tools (Kafka " + KAFKA_VERSION + ", as the broker) run against the stack's broker while the"
				+ " services idle, acks=all, values of " + r.recordSize().valueBytes() + " bytes.");
		line();
		line("| figure | ours | raw Kafka | ours / raw |");
		line("|---|---:|---:|---:|");
		double ours = best == null ? 0 : best.run().targetRate();
		line("| throughput, records/s (ours: max sustainable intake rate; raw: ProducerPerformance unthrottled, %s MB/s) | %s | %s | %s |"
			.formatted(fmt(raw.maxThroughput().megabytesPerSecond()), fmt(ours), fmt(raw.maxThroughput().recordsPerSecond()),
					ratio(ours, raw.maxThroughput().recordsPerSecond())));
		line("| p50 ms at %s/s (ours: submission→202; raw: ProducerPerformance send→ack, linger.ms=0) | %s | %d | %s |"
			.formatted(fmt(steady.targetRate()), steady.all().p50Text(), raw.atSteadyRate().p50Ms(),
					ratio(steady.all().p50(), raw.atSteadyRate().p50Ms())));
		line("| p99 ms at %s/s (same) | %s | %d | %s |".formatted(fmt(steady.targetRate()), steady.all().p99Text(),
				raw.atSteadyRate().p99Ms(), ratio(steady.all().p99(), raw.atSteadyRate().p99Ms())));
		var idle = idleCrisisEmails();
		line("| end-to-end mean ms (ours: crisis submission→on-call email, idle pipeline; raw: EndToEndLatency produce→consume) | %s | %s | %s |"
			.formatted(idle.meanText(), Latencies.format(raw.endToEnd().avgMs(), false), ratio(idle.mean(), raw.endToEnd().avgMs())));
		line("| end-to-end p50 ms (same, idle) | %s | %d | %s |".formatted(idle.p50Text(), raw.endToEnd().p50Ms(),
				ratio(idle.p50(), raw.endToEnd().p50Ms())));
		line("| end-to-end p99 ms (same, idle) | %s | %d | %s |".formatted(idle.p99Text(), raw.endToEnd().p99Ms(),
				ratio(idle.p99(), raw.endToEnd().p99Ms())));
		line("| end-to-end mean ms (ours: crisis submission→on-call email at %s/s; raw: EndToEndLatency produce→consume) | %s | %s | %s |"
			.formatted(fmt(steady.targetRate()), crisis.meanText(), Latencies.format(raw.endToEnd().avgMs(), false),
					ratio(crisis.mean(), raw.endToEnd().avgMs())));
		line("| end-to-end p50 ms (same, at %s/s) | %s | %d | %s |".formatted(fmt(steady.targetRate()), crisis.p50Text(),
				raw.endToEnd().p50Ms(), ratio(crisis.p50(), raw.endToEnd().p50Ms())));
		line("| end-to-end p99 ms (same, at %s/s) | %s | %d | %s |".formatted(fmt(steady.targetRate()), crisis.p99Text(),
				raw.endToEnd().p99Ms(),
				ratio(crisis.p99(), raw.endToEnd().p99Ms())));
		line();
		line("Kafka's tools print whole milliseconds (EndToEndLatency truncates, so its \"0\" means under 1 ms; the ratio"
				+ " then uses 1 ms). Raw ProducerPerformance unthrottled: p50 " + raw.maxThroughput().p50Ms() + " ms, p99 "
				+ raw.maxThroughput().p99Ms() + " ms (queueing in the producer at full speed).");
		line();
	}

	/** Where the time went: CPU seconds per process in each scenario, and what else used the machine. */
	private void cpu() {
		line("## Where the CPU went");
		line();
		line("CPU seconds (user + system, from /proc) per process during each scenario; the machine has "
				+ r.machine().cpus() + " CPUs, so a scenario of T seconds has " + r.machine().cpus() + "·T CPU seconds.");
		line();
		StringBuilder header = new StringBuilder("| process |");
		StringBuilder rule = new StringBuilder("|---|");
		for (String scenario : r.cpu().keySet()) {
			header.append(' ').append(scenario).append(" |");
			rule.append("---:|");
		}
		line(header.toString());
		line(rule.toString());
		CpuUsage first = r.cpu().values().iterator().next();
		for (String part : first.jiffiesByPart().keySet()) {
			StringBuilder row = new StringBuilder("| " + part + " |");
			r.cpu().values().forEach(usage -> row.append(' ').append(fmt(usage.seconds(part))).append(" |"));
			line(row.toString());
		}
		StringBuilder others = new StringBuilder("| other processes on the machine (not this benchmark) |");
		r.cpu().values().forEach(usage -> others.append(' ').append(fmt(usage.otherSeconds())).append(" |"));
		line(others.toString());
		StringBuilder wall = new StringBuilder("| (wall time of the phase, s) |");
		r.cpu().values()
			.forEach(usage -> wall.append(' ')
				.append(fmt(usage.machineTotal() / (double) r.machine().cpus() / CpuUsage.TICKS_PER_SECOND))
				.append(" |"));
		line(wall.toString());
		StringBuilder busy = new StringBuilder("| machine busy |");
		r.cpu().values()
			.forEach(usage -> busy.append(' ').append(String.format(Locale.ROOT, "%.0f%%", 100 * usage.machineBusyShare()))
				.append(" |"));
		line(busy.toString());
		line();
		CpuUsage steady = r.cpu().get(PHASE_STEADY);
		long cases = r.steady().run().acceptedCount();
		if (steady != null && cases > 0) {
			StringBuilder perCase = new StringBuilder("CPU per case at " + fmt(r.steady().run().targetRate()) + "/s: ");
			for (String part : steady.jiffiesByPart().keySet()) {
				perCase.append(part).append(' ').append(fmt(1000 * steady.seconds(part) / cases)).append(" ms, ");
			}
			line(perCase.substring(0, perCase.length() - 2) + ".");
			line();
		}
	}

	/** Mean time per record of each stage, from the services' own meters, per phase. */
	private void stages() {
		line("## Where a case's time goes (the services' own meters)");
		line();
		line("Mean time per record in each phase (n in brackets). A stage that handles one record at a time on one"
				+ " thread can do at most 1000 / mean records per second.");
		line();
		StringBuilder header = new StringBuilder("| stage |");
		StringBuilder rule = new StringBuilder("|---|");
		for (String phase : r.stages().keySet()) {
			header.append(' ').append(phase).append(" |");
			rule.append("---:|");
		}
		line(header.toString());
		line(rule.toString());
		for (StageMeters.Stage stage : StageMeters.STAGES) {
			StringBuilder row = new StringBuilder("| " + stage.what() + ", mean ms |");
			r.stages().values().forEach(snapshot -> row.append(' ')
				.append(Latencies.format(snapshot.meanMs(stage.what()), false))
				.append(" (").append(snapshot.count(stage.what())).append(") |"));
			line(row.toString());
		}
		for (StageMeters.Gauge gauge : StageMeters.GAUGES) {
			StringBuilder row = new StringBuilder("| " + gauge.what() + " (Kafka's windowed average at the end) |");
			r.stages().values().forEach(snapshot -> row.append(' ')
				.append(Latencies.format(snapshot.gauges().getOrDefault(gauge.what(), Double.NaN), false))
				.append(" |"));
			line(row.toString());
		}
		line();
	}

	private void targets() {
		LoadRun steady = r.steady().run();
		var crisis = steadyCrisisEmails();
		var behind = crisisBehindBacklog();
		Step best = r.maxSustainable();
		double rate = best == null ? 0 : best.run().targetRate();
		line("## Targets (from issue 7)");
		line();
		line("| target | measured | verdict |");
		line("|---|---:|---|");
		target("crisis submission→on-call email p99 < 250 ms at 100/s", crisis.p99Text() + " ms", crisis.p99(), 250, true,
				" ms");
		Latencies idle = idleCrisisEmails();
		target("(for comparison) the same with the pipeline idle", idle.p99Text() + " ms", idle.p99(), 250, true, " ms");
		target("crisis p99 < 1 s behind the " + r.priorityLane().backlogRun().sent() + "-case backlog",
				behind.p99Text() + " ms", behind.p99(), 1000, true, " ms");
		target("intake submission→202 p99 < 50 ms at 100/s", steady.all().p99Text() + " ms", steady.all().p99(), 50, true,
				" ms");
		target("sustained ≥ 1,000 submissions/s (intake, p99 < 100 ms)", fmt(rate) + "/s", rate, 1000, false, "/s");
		double drained = r.drain().emailsPerSecond();
		var lane = r.priorityLane();
		if (Double.isNaN(drained)) {
			// Nothing was left to drain; scenario 3 still shows it: a pipeline that fell behind the
			// rate offered ran at what it can do, one that kept pace could do at least that much.
			boolean keptPace = lane.keptPace();
			target("whole pipeline ≥ 1,000 cases/s to staff email (no drain: scenario 3, "
					+ (keptPace ? "kept pace with the rate offered)" : "behind the rate offered)"),
					(keptPace ? "≥ " : "") + fmt(lane.staffEmailsPerSecond()) + "/s", lane.staffEmailsPerSecond(), 1000,
					false, "/s");
		}
		else {
			target("whole pipeline ≥ 1,000 cases/s to staff email (drain rate)", fmt(drained) + "/s", drained, 1000,
					false, "/s");
		}
		for (Service service : Service.values()) {
			Duration ready = r.startups().get(service).toHealthy();
			target(service.module() + " ready < 5 s (JVM start → healthy)", seconds(ready), ready.toMillis() / 1000.0, 5, true,
					" s");
		}
		for (Service service : Service.values()) {
			long rss = r.loadRss().getOrDefault(service, 0L);
			target(service.module() + " RSS under load < 300 MB", mb(rss), rss / 1e6, 300, true, " MB");
		}
		line();
	}

	/**
	 * One target row; a miss says by how much. A ceiling is met at the limit itself: the email
	 * latencies are histogram bucket bounds ("≤250" means at most 250 ms), and the histogram has a
	 * bucket at each latency target.
	 */
	private void target(String what, String measured, double value, double limit, boolean below, String unit) {
		boolean met = below ? value <= limit : value >= limit;
		String verdict;
		if (Double.isNaN(value)) {
			verdict = "not measured";
		}
		else if (met) {
			verdict = "met";
		}
		else {
			verdict = below ? "**missed** by %s%s (%.1f× the target)".formatted(fmt(value - limit), unit, value / limit)
					: "**missed**: %.0f%% of the target".formatted(100 * value / limit);
		}
		line("| %s | %s | %s |".formatted(what, measured, verdict));
	}

	private void latencyHeader(String first) {
		line("| " + first + " | n | p50 ms | p99 ms | p99.9 ms | max ms | mean ms | throughput /s |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|");
	}

	private void latencyRow(String what, Latencies l, double throughput) {
		line("| %s | %d | %s | %s | %s | %s | %s | %s |".formatted(what, l.count(), l.p50Text(), l.p99Text(), l.p999Text(),
				l.maxText(), l.meanText(), Double.isNaN(throughput) ? "" : fmt(throughput)));
	}

	private String plan() {
		return r.plan().name().equals("full") ? "full" : "quick (smoke, not the benchmark's figures)";
	}

	private static String backlog(KafkaProbe.Backlog b) {
		return "intake-priority %d, intake-submissions %d (triage), cases-routed %d, cases-crisis %d (notification)"
			.formatted(b.intakePriority(), b.intakeSubmissions(), b.casesRouted(), b.casesCrisis());
	}

	/** ours / raw; a raw figure of 0 ms (under the tool's 1 ms resolution) counts as 1 ms. */
	static String ratio(double ours, double raw) {
		if (Double.isNaN(ours) || Double.isNaN(raw)) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.2f", ours / Math.max(raw, raw == 0 ? 1 : raw));
	}

	static String fmt(double value) {
		return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	private static String mb(Long bytes) {
		return bytes == null || bytes == 0 ? "–" : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
	}

	private void line(String text) {
		out.append(text).append('\n');
	}

	private void line() {
		out.append('\n');
	}


}
