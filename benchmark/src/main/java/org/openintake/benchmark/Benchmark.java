package org.openintake.benchmark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openintake.benchmark.KafkaProbe.Backlog;
import org.openintake.benchmark.OpenLoadGenerator.LoadRun;

/**
 * The whole-pipeline benchmark, one command:
 *
 * <pre>
 * ./mvnw -DskipTests package && java -jar benchmark/target/benchmark.jar [--quick] [--port-offset=N]
 * </pre>
 *
 * Starts the local stack, measures startup and memory, runs Kafka's own tools on its broker,
 * then the three load scenarios, and writes benchmark/results/latest.md (--quick: quick.md).
 */
public final class Benchmark {

	/** p99 submission→202 a rate must stay under to count as sustainable (scenario 2). */
	static final Duration SUSTAINABLE_P99 = Duration.ofMillis(100);

	private static final int DEFAULT_PORT_OFFSET = 300;

	/** The drain phase lasts at least this long, so its emails-per-second figure is not noise. */
	private static final Duration MIN_DRAIN = Duration.ofSeconds(20);

	private static final long SEED = 20261122L;

	private final Path repository;

	private final StackPorts ports;

	private final RunPlan plan;

	private Benchmark(Path repository, StackPorts ports, RunPlan plan) {
		this.repository = repository;
		this.ports = ports;
		this.plan = plan;
	}

	public static void main(String[] args) throws IOException {
		// the Kafka admin client and consumer here are tools, not the subject: only their warnings
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		RunPlan plan = RunPlan.full();
		int offset = DEFAULT_PORT_OFFSET;
		for (String arg : args) {
			if (arg.equals("--quick")) {
				plan = RunPlan.quick();
			}
			else if (arg.startsWith("--port-offset=")) {
				offset = Integer.parseInt(arg.substring("--port-offset=".length()));
			}
			else {
				System.err.println("Unknown option " + arg
						+ ". Usage: java -jar benchmark/target/benchmark.jar [--quick] [--port-offset=N]");
				System.exit(2);
			}
		}
		Path repository = repository();
		Results results = new Benchmark(repository, new StackPorts(offset), plan).run();
		String report = new Report(results).markdown();
		Path file = repository.resolve("benchmark/results").resolve(plan.name().equals("full") ? "latest.md" : "quick.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report, StandardCharsets.UTF_8);
		if (plan.name().equals("full")) {
			// every full run is kept too: on a shared machine one run is an anecdote, several show the spread
			String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")
				.withZone(java.time.ZoneOffset.UTC)
				.format(results.startedAt());
			Files.writeString(file.resolveSibling("run-" + stamp + ".md"), report, StandardCharsets.UTF_8);
		}
		System.out.println();
		System.out.println(report);
		System.out.println("Written to " + file);
	}

	private Results run() {
		Instant startedAt = Instant.now();
		Machine machine = Machine.describe();
		String loadBefore = Machine.loadAverage();
		log("Machine: " + machine.summary() + "; load average " + loadBefore);
		Path work = repository.resolve("benchmark/target");
		try (StackUnderTest stack = new StackUnderTest(repository, ports)) {
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "benchmark-stack-stop"));
			log("Starting the local stack (port offset " + ports.offset() + ", run dir " + stack.runDir() + ")");
			var startups = stack.start();
			startups.forEach((service, startup) -> log(service.module() + " healthy " + startup.toHealthy().toMillis()
					+ " ms after its JVM started"));
			StackUnderTest.sleep(Duration.ofSeconds(10));
			Map<Service, Long> idleRss = stack.rss();
			log("Idle RSS " + idleRss);

			OpenLoadGenerator load = new OpenLoadGenerator(ports.intakeUrl());
			CaseMix mix = new CaseMix(SEED);
			EndToEndMeter meter = new EndToEndMeter(ports.prometheusUrl(ports.notification()));
			try (KafkaProbe kafka = new KafkaProbe(ports.bootstrapServers()); RssSampler rss = new RssSampler(stack)) {
				log("Warm-up: " + plan.warmupCases() + " cases at " + plan.warmupRate() + "/s (not counted)");
				load.run("warm-up", plan.warmupRate(), plan.warmupCases(), mix::next);
				awaitTriageCaughtUp(kafka, Duration.ofSeconds(90));
				KafkaProbe.RecordSize size = kafka.intakeRecordSize(1000);
				log("Intake events on the wire: " + size.valueBytes() + " bytes (value, mean of " + size.sampled() + ")");

				Results.Raw raw = rawKafka(work, size.valueBytes());

				rss.start();
				Results.IdleCrisis idleCrisis = idleCrisis(load, mix, meter);
				SmtpProbe.Timings smtp = SmtpProbe.measure(ports.smtp(), 20);
				log("SMTP session with GreenMail (median of 20): " + smtp);
				Phases phases = new Phases(stack.parts(), new StageMeters(ports));
				Results.Steady steady = steady(load, mix, meter, kafka);
				phases.end(Report.PHASE_STEADY);
				List<Results.Step> steps = steps(load, mix);
				phases.end(Report.PHASE_STEPS);
				Results.Drain drain = drain(kafka, meter, Duration.ofSeconds(plan.name().equals("full") ? 150 : 60));
				phases.end(Report.PHASE_DRAIN);
				Results.PriorityLane lane = priorityLane(load, mix, meter, kafka, maxRate(steps));
				phases.end(Report.PHASE_PRIORITY_LANE);
				Map<Service, Long> loadRss = rss.peak();
				return new Results(machine, loadBefore, Machine.loadAverage(), startedAt,
						Duration.between(startedAt, Instant.now()), plan, startups, idleRss, loadRss, size, smtp, idleCrisis,
						steady, steps, drain, lane, raw, phases.cpu(), phases.stages());
			}
		}
	}

	private Results.Raw rawKafka(Path work, int recordSize) {
		RawKafka raw = new RawKafka(work.resolve("lib"), ports.bootstrapServers(), work);
		log("Raw Kafka: ProducerPerformance, " + plan.rawProducerRecords() + " records of " + recordSize
				+ " bytes, acks=all, unthrottled");
		RawKafka.ProducerRun max = raw.producerPerformance("benchmark-raw-max", plan.rawProducerRecords(), recordSize, -1,
				null);
		log("  " + max);
		int atRate = plan.steadyRate() * 10;
		log("Raw Kafka: ProducerPerformance, " + atRate + " records at " + plan.steadyRate()
				+ "/s, acks=all, linger.ms=0 (as intake-service sends)");
		RawKafka.ProducerRun steady = raw.producerPerformance("benchmark-raw-steady", atRate, recordSize,
				plan.steadyRate(), 0);
		log("  " + steady);
		log("Raw Kafka: EndToEndLatency, " + plan.rawLatencyRecords() + " records, acks=all");
		RawKafka.EndToEndRun e2e = raw.endToEndLatency("benchmark-raw-e2e", plan.rawLatencyRecords(), recordSize);
		log("  " + e2e);
		return new Results.Raw(max, steady, e2e);
	}

	private Results.IdleCrisis idleCrisis(OpenLoadGenerator load, CaseMix mix, EndToEndMeter meter) {
		log("Scenario 0: " + plan.idleCrisisCases() + " crisis cases at 2/s into the idle pipeline");
		EndToEndMeter.Snapshot before = meter.snapshot();
		LoadRun run = load.run("idle crisis", 2, plan.idleCrisisCases(), mix::nextCrisis);
		PrometheusHistogram emails = meter.awaitEmails(before, run.crisisAccepted(), 0, Duration.ofSeconds(60))
			.minus(before)
			.crisis();
		log("  " + summary(run) + "; on-call emails " + emails.count() + ", p50 " + emails.toLatencies().p50Text()
				+ " p99 " + emails.toLatencies().p99Text() + " ms");
		return new Results.IdleCrisis(run, emails);
	}

	private Results.Steady steady(OpenLoadGenerator load, CaseMix mix, EndToEndMeter meter, KafkaProbe kafka) {
		int cases = plan.steadyRate() * plan.steadySeconds();
		log("Scenario 1: " + plan.steadyRate() + "/s for " + plan.steadySeconds() + " s (" + cases + " cases)");
		EndToEndMeter.Snapshot before = meter.snapshot();
		LoadRun run = load.run("steady", plan.steadyRate(), cases, mix::next);
		Backlog backlogAtEnd = kafka.backlog();
		log("  " + summary(run));
		log("  backlog when the last case was answered: " + backlogAtEnd);
		long crisis = run.crisisAccepted();
		// Only the crisis emails are waited for: the routine lane may be far behind (see the drain),
		// and routine cases not emailed by then count as slower than every one that was.
		EndToEndMeter.Snapshot after = meter.awaitEmails(before, crisis, 0, Duration.ofSeconds(90));
		EndToEndMeter.Snapshot emails = after.minus(before);
		log("  staff emails: crisis " + emails.crisis().count() + " of " + crisis + ", routine "
				+ emails.routine().count() + " of " + (run.acceptedCount() - crisis) + " by now");
		StaffMailCheck.Delivery delivery = new StaffMailCheck(ports.mailApiUrl()).check(run.accepted());
		log("  " + delivery.summary());
		return new Results.Steady(run, backlogAtEnd, emails, delivery);
	}

	private List<Results.Step> steps(OpenLoadGenerator load, CaseMix mix) {
		log("Scenario 2: rising rates, " + plan.stepSeconds() + " s each, until p99 submission→202 reaches "
				+ SUSTAINABLE_P99.toMillis() + " ms or a case fails");
		List<Results.Step> steps = new ArrayList<>();
		for (int rate : plan.stepRates()) {
			LoadRun run = load.run(rate + "/s", rate, rate * plan.stepSeconds(), mix::next);
			boolean sustained = run.failed() == 0 && run.all().p99() < SUSTAINABLE_P99.toMillis();
			steps.add(new Results.Step(run, sustained));
			log("  " + rate + "/s: " + summary(run) + (sustained ? "" : "  <- not sustainable"));
			if (!sustained) {
				break;
			}
			// let intake's queues settle between steps; the backlog downstream keeps draining
			StackUnderTest.sleep(Duration.ofSeconds(2));
		}
		return steps;
	}

	private Results.Drain drain(KafkaProbe kafka, EndToEndMeter meter, Duration limit) {
		Backlog before = kafka.backlog();
		EndToEndMeter.Snapshot start = meter.snapshot();
		Instant began = Instant.now();
		log("Draining: the backlog now is " + before + "; until triage and the crisis lane have caught up (at least "
				+ MIN_DRAIN.toSeconds() + " s, at most " + limit.toSeconds() + " s)");
		Duration triageCaughtUp = null;
		Backlog after = kafka.backlog();
		Instant deadline = began.plus(limit);
		Instant earliest = began.plus(MIN_DRAIN);
		while (!after.empty() && Instant.now().isBefore(deadline)
				&& (after.intakeSubmissions() > 0 || after.intakePriority() > 0 || after.casesCrisis() > 0
						|| Instant.now().isBefore(earliest))) {
			if (triageCaughtUp == null && after.intakeSubmissions() == 0) {
				triageCaughtUp = Duration.between(began, Instant.now());
			}
			StackUnderTest.sleep(Duration.ofMillis(500));
			after = kafka.backlog();
		}
		Duration took = Duration.between(began, Instant.now());
		if (triageCaughtUp == null && after.intakeSubmissions() == 0) {
			triageCaughtUp = took;
		}
		long emails = meter.snapshot().minus(start).emails();
		Results.Drain drain = new Results.Drain(before, emails, took, after, triageCaughtUp);
		log("  " + emails + " staff emails in " + took.toSeconds() + " s (" + Math.round(drain.emailsPerSecond())
				+ "/s), left: " + after);
		return drain;
	}

	private Results.PriorityLane priorityLane(OpenLoadGenerator load, CaseMix mix, EndToEndMeter meter, KafkaProbe kafka,
			int sustainableRate) {
		int rate = Math.max(200, Math.min(1000, sustainableRate));
		log("Scenario 3: " + plan.backlogCases() + " routine cases at " + rate + "/s, then " + plan.crisisCases()
				+ " crisis cases at " + plan.crisisRate() + "/s");
		EndToEndMeter.Snapshot before = meter.snapshot();
		LoadRun backlog = load.run("routine backlog", rate, plan.backlogCases(), mix::nextRoutine);
		log("  routine: " + summary(backlog));
		Backlog atCrisis = kafka.backlog();
		long staffEmails = meter.snapshot().minus(before).emails();
		log("  backlog as the crisis cases arrive: " + atCrisis + "; staff emails while the routine cases were sent: "
				+ staffEmails);
		Instant crisisStart = Instant.now();
		LoadRun crisis = load.run("crisis", plan.crisisRate(), plan.crisisCases(), mix::nextCrisis);
		log("  crisis: " + summary(crisis));
		EndToEndMeter.Snapshot after = meter.awaitEmails(before, crisis.crisisAccepted(), 0,
				Duration.ofSeconds(plan.name().equals("full") ? 300 : 60));
		Duration waited = Duration.between(crisisStart, Instant.now());
		PrometheusHistogram crisisEmails = after.minus(before).crisis();
		Backlog atEnd = kafka.backlog();
		log("  crisis staff emails: " + crisisEmails.count() + " of " + crisis.crisisAccepted() + ", p99 "
				+ crisisEmails.toLatencies(crisis.crisisAccepted()).p99Text() + " ms; backlog now " + atEnd);
		return new Results.PriorityLane(backlog, atCrisis, staffEmails, crisis, crisisEmails, waited, atEnd);
	}

	private static int maxRate(List<Results.Step> steps) {
		Results.Step best = Results.maxSustainable(steps);
		return best == null ? 0 : (int) best.run().targetRate();
	}

	/** Waits until triage has taken every intake event, or {@code limit}; returns the backlog then. */
	private static Backlog awaitTriageCaughtUp(KafkaProbe kafka, Duration limit) {
		Instant deadline = Instant.now().plus(limit);
		Backlog backlog = kafka.backlog();
		while ((backlog.intakeSubmissions() > 0 || backlog.intakePriority() > 0) && Instant.now().isBefore(deadline)) {
			StackUnderTest.sleep(Duration.ofMillis(500));
			backlog = kafka.backlog();
		}
		return backlog;
	}

	private static String summary(LoadRun run) {
		return "%d sent, %d accepted (%.0f/s), statuses %s, submission→202 p50 %s p99 %s p99.9 %s max %s ms, generator lag max %d ms"
			.formatted(run.sent(), run.acceptedCount(), run.throughput(), run.statuses(), run.all().p50Text(),
					run.all().p99Text(), run.all().p999Text(), run.all().maxText(), run.worstSendDelay().toMillis());
	}

	/** The repository root: this jar is benchmark/target/benchmark.jar (or benchmark/target/classes). */
	private static Path repository() {
		try {
			Path location = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return location.getParent().getParent().getParent().toAbsolutePath();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void log(String message) {
		System.out.println("[benchmark] " + message);
	}

}
