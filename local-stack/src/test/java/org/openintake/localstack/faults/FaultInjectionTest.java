package org.openintake.localstack.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openintake.localstack.DeadLetters;
import org.openintake.localstack.FaultStack;
import org.openintake.localstack.faults.LoadClient.Submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection on real processes: a Kafka broker process, GreenMail, PostgreSQL, the OIDC provider and the four service jars,
 * started by the launcher on ports moved by 400 (never the shared test stack). Each scenario
 * submits cases through the API while something breaks, then reconciles every 202 against the
 * staff mailboxes (none lost, none sent twice) and against casework's case records (every one there,
 * once). Run with {@code ./mvnw -pl local-stack -Pfaults
 * verify}; the table goes to stdout and to {@code local-stack/target/fault-results.md}.
 *
 * <p>The scenarios share one stack (starting it costs minutes) and run in order; each waits for
 * its own cases to drain before the next begins, and counts only its own cases.
 */
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

	private static final int CASES = 150;

	/** 150 cases at 10 a second: the load lasts 15 s, long enough to break something in the middle. */
	private static final Duration SPACING = Duration.ofMillis(100);

	/** How long the client keeps retrying one case (503s, refused connections) before giving up. */
	private static final Duration CASE_BUDGET = Duration.ofSeconds(150);

	/** Covers a consumer group's session time-out (45 s) after a kill, plus SMTP back-off. */
	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(240);

	private static final Duration INTO_THE_LOAD = Duration.ofSeconds(5);

	private static final Path RESULTS = FaultStack.target().resolve("fault-results.md");

	private final List<Reconciliation> results = new ArrayList<>();

	/** The accepted cases of the scenario that ran last, for the checks on casework. */
	private List<Submission> lastAccepted = List.of();

	private FaultStack stack;

	private LoadClient client;

	private StaffMail mail;

	private DeadLetters deadLetters;

	@BeforeAll
	void startStack() {
		stack = FaultStack.start(400, "faults-run");
		client = new LoadClient(stack.intakeUrl());
		mail = new StaffMail(stack.mailApiUrl());
		deadLetters = new DeadLetters(stack.bootstrapServers());
	}

	@AfterAll
	void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	@Order(1)
	void brokerKilledMidLoadAndRestarted() throws Exception {
		Reconciliation result = scenario("kill -9 broker, restart", () -> {
			pause(INTO_THE_LOAD);
			stack.killBroker();
			pause(Duration.ofSeconds(5));
			stack.startBroker();
		});
		assertNothingLostOrDuplicated(result);
	}

	@Test
	@Order(2)
	void triageKilledMidLoadAndRestarted() throws Exception {
		Reconciliation result = scenario("kill -9 triage-service, restart", () -> {
			pause(INTO_THE_LOAD);
			stack.killTriage();
			stack.restartTriage();
		});
		assertNothingLostOrDuplicated(result);
	}

	@Test
	@Order(3)
	void notificationKilledMidLoadAndRestarted() throws Exception {
		Reconciliation result = scenario("kill -9 notification-service, restart", () -> {
			pause(INTO_THE_LOAD);
			stack.killNotification();
			stack.restartNotification();
		});
		assertNothingLostOrDuplicated(result);
	}

	@Test
	@Order(4)
	void oneOfTwoTriageInstancesKilledTheSurvivorTakesOver() throws Exception {
		stack.startSecondTriage();
		// let the group settle on two members before the load, so that both hold partitions
		pause(Duration.ofSeconds(10));
		Reconciliation result = scenario("2 triage instances, kill -9 one", () -> {
			pause(INTO_THE_LOAD);
			// not restarted: the survivor alone must take over the dead instance's partitions
			stack.killFirstTriageForGood();
		});
		assertNothingLostOrDuplicated(result);
	}

	/**
	 * GreenMail keeps its mailboxes in memory, so a restart empties them: an email delivered
	 * before the outage would vanish from the count and look lost. So every case of this scenario
	 * is submitted after SMTP went down (the earlier scenarios have drained by then), and all its
	 * emails can only be delivered after SMTP is back: the mailboxes after the restart hold every
	 * email there is about these cases, and the count is exact.
	 */
	@Test
	@Order(5)
	void smtpDownForThirtySecondsThenBack() throws Exception {
		stack.stopMail();
		Instant down = Instant.now();
		Reconciliation result = scenario("SMTP down 30 s, back", () -> {
			pause(Duration.between(Instant.now(), down.plusSeconds(30)));
			stack.startMail();
		});
		assertNothingLostOrDuplicated(result);
	}

	/**
	 * Poison written straight to each topic in the middle of the load: not JSON, the wrong shape,
	 * and 1 MB. Each must land on its topic's DLQ, and the good cases around it must still go
	 * through.
	 */
	@Test
	@Order(6)
	void poisonRecordsOnEveryTopicAreDeadLetteredAndTheGoodCasesGoThrough() throws Exception {
		Map<String, List<String>> poisonKeys = new java.util.LinkedHashMap<>();
		Reconciliation result = scenario("poison records on every topic", () -> {
			pause(INTO_THE_LOAD);
			for (String topic : List.of("intake-priority", "intake-submissions", "cases-crisis", "cases-routed")) {
				poisonKeys.put(topic, writePoison(topic));
			}
		});
		assertNothingLostOrDuplicated(result);
		poisonKeys.forEach((topic, keys) -> await(topic + "'s poison on " + topic + ".dlq")
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(deadLetters.keysOn(topic + ".dlq")).containsAll(keys)));
	}

	/**
	 * PostgreSQL (notification's ledger and case statuses) goes away mid-load for five seconds and
	 * comes back on its data. Meanwhile notification's writes fail and its records are retried;
	 * a ledger entry for an email SMTP already accepted waits for the database rather than letting
	 * the retry mail it again. Every accepted case still ends as exactly one staff email.
	 */
	@Test
	@Order(7)
	void postgresRestartedMidLoad() throws Exception {
		Reconciliation result = scenario("PostgreSQL down 5 s mid-load, restarted", () -> {
			pause(INTO_THE_LOAD);
			stack.stopDatabase();
			pause(Duration.ofSeconds(5));
			stack.startDatabase();
		});
		assertNothingLostOrDuplicated(result);
		assertEveryCrisisCaseEscalated();
	}

	/**
	 * casework-service killed mid-load and restarted: the case records it had not committed are
	 * read again from Kafka, none twice, and every crisis case still escalates (its deadline is in
	 * the database, not in the process).
	 */
	@Test
	@Order(8)
	void caseworkKilledMidLoadAndRestarted() throws Exception {
		Reconciliation result = scenario("kill -9 casework-service, restart", () -> {
			pause(INTO_THE_LOAD);
			stack.killCasework();
			stack.restartCasework();
		});
		assertNothingLostOrDuplicated(result);
		assertEveryCrisisCaseEscalated();
	}

	/**
	 * Two notification instances sharing PostgreSQL; one is killed mid-load and stays dead. Its
	 * partitions move to the survivor, which re-reads what the dead one had not committed: the
	 * shared ledger must stop it from mailing those cases again.
	 */
	@Test
	@Order(9)
	void oneOfTwoNotificationInstancesKilledTheSurvivorSendsNothingTwice() throws Exception {
		stack.startSecondNotification();
		pause(Duration.ofSeconds(10));
		Reconciliation result = scenario("2 notification instances, kill -9 one", () -> {
			pause(INTO_THE_LOAD);
			stack.killFirstNotificationForGood();
		});
		assertNothingLostOrDuplicated(result);
	}

	/**
	 * Two intake-service instances behind the load client, which sends each retry to the other
	 * instance and every accepted case once more to the other instance (a lost answer). Then one
	 * instance is killed mid-load: requests in flight there may have reached Kafka without the
	 * client knowing, and their retries land on the survivor. Last, because the killed instance
	 * stays dead.
	 */
	@Test
	@Order(10)
	void oneOfTwoIntakeInstancesKilledRetriesOnTheOtherAreTheSameCases() throws Exception {
		String second = stack.startSecondIntake();
		LoadClient balanced = new LoadClient(stack.intakeUrl(), second);
		Reconciliation result = scenario("2 intake instances, kill -9 one", balanced, () -> {
			pause(INTO_THE_LOAD);
			stack.killFirstIntakeForGood();
		});
		assertNothingLostOrDuplicated(result);
	}

	private interface Fault {

		void inject() throws Exception;

	}

	private Reconciliation scenario(String name, Fault fault) throws Exception {
		return scenario(name, client, fault);
	}

	private Reconciliation scenario(String name, LoadClient client, Fault fault) throws Exception {
		long deadLettersBefore = deadLetters.total();
		Instant started = Instant.now();
		CompletableFuture<List<Submission>> load = client.start(CASES, SPACING, CASE_BUDGET);
		fault.inject();
		List<Submission> submissions = load.get(5, TimeUnit.MINUTES);
		lastAccepted = submissions.stream().filter(Submission::accepted).toList();
		Reconciliation result = Reconciliation.of(name, submissions, mail, deadLetters, deadLettersBefore,
				DRAIN_TIMEOUT);
		results.add(result);
		// shows that the fault really met the load: retries are the 503s and refused connections
		long retried = submissions.stream().filter(submission -> submission.attempts() > 1).count();
		System.out.println("[faults] " + result.line() + "   (scenario took "
				+ Duration.between(started, Instant.now()).toSeconds() + " s; " + retried
				+ " cases needed a retry)");
		if (result.lost() > 0) {
			System.out.println("[faults] lost cases, for example: " + result.lostCaseIds());
		}
		writeResults();
		return result;
	}

	private void assertNothingLostOrDuplicated(Reconciliation result) {
		// a client that retried for 150 s should get nearly every case in; the rest were refused, not lost
		assertThat(result.accepted()).as("accepted").isGreaterThanOrEqualTo(result.submitted() * 9 / 10);
		assertThat(result.lost()).as("lost, e.g. " + result.lostCaseIds()).isZero();
		assertThat(result.duplicated()).as("duplicated").isZero();
		assertThat(result.drain()).as("drained within the time-out").isNotNull();
		assertEveryAcceptedCaseIsInCaseworkOnce();
	}

	/** Whatever broke, staff can work every accepted case: one record each, with its form and its triage. */
	private void assertEveryAcceptedCaseIsInCaseworkOnce() {
		Set<String> accepted = lastAccepted.stream().map(Submission::caseId).collect(Collectors.toSet());
		Map<String, Integer> records = await("every accepted case in casework").atMost(DRAIN_TIMEOUT)
			.pollInterval(Duration.ofSeconds(2))
			.ignoreExceptions()
			.until(() -> stack.caseworkRecords(accepted), found -> found.keySet().containsAll(accepted));
		assertThat(records.values()).as("records per case").containsOnly(1);
		System.out.println("[faults]   casework: all " + accepted.size() + " accepted cases in the inbox, once each");
	}

	/**
	 * No crisis case misses its escalation: each accepted crisis case is escalated by casework
	 * (its 60 s acknowledgement deadline passes unacknowledged) and the escalation address gets
	 * the email about it.
	 */
	private void assertEveryCrisisCaseEscalated() {
		Set<String> crisis = lastAccepted.stream()
			.filter(Submission::crisis)
			.map(Submission::caseId)
			.collect(Collectors.toSet());
		assertThat(crisis).isNotEmpty();
		await("every crisis case escalated").atMost(Duration.ofSeconds(240))
			.pollInterval(Duration.ofSeconds(2))
			.ignoreExceptions()
			.until(() -> stack.escalatedCases(crisis).keySet().containsAll(crisis)
					&& mail.escalated(crisis).containsAll(crisis));
		System.out.println("[faults]   casework: all " + crisis.size()
				+ " crisis cases escalated and emailed to the escalation address");
	}

	/** Not JSON, valid JSON of the wrong shape, and 1 MB: each keyed so the DLQ shows where it went. */
	private List<String> writePoison(String topic) throws Exception {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
		String notJson = "poison-not-json-" + UUID.randomUUID();
		String wrongSchema = "poison-wrong-schema-" + UUID.randomUUID();
		String huge = "poison-1mb-" + UUID.randomUUID();
		// 1,000,000 bytes: under the broker's and the producers' 1 MiB limits, with room for the
		// DLQ's headers, so a failure here is the consumer's and not the broker's
		byte[] big = ("{\"padding\":\"" + "x".repeat(1_000_000 - 14) + "\"}").getBytes(StandardCharsets.UTF_8);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, notJson, "this is not JSON {".getBytes(StandardCharsets.UTF_8)))
				.get();
			producer.send(new ProducerRecord<>(topic, wrongSchema,
					"{\"eventId\": 42, \"caseId\": [1, 2], \"occurredAt\": \"yesterday\", \"schemaVersion\": \"one\"}"
						.getBytes(StandardCharsets.UTF_8)))
				.get();
			producer.send(new ProducerRecord<>(topic, huge, big)).get();
		}
		return List.of(notJson, wrongSchema, huge);
	}

	private void writeResults() throws IOException {
		StringBuilder table = new StringBuilder("""
				Fault injection on real processes (FaultInjectionTest, ./mvnw -pl local-stack -Pfaults verify).
				accepted: 202s of the cases submitted; lost: accepted cases without an email in their staff
				mailbox; duplicated: accepted cases with more than one staff email; dead-lettered: records
				added to the *.dlq topics; time to drain: from the last 202 to the last expected email;
				slowest crisis: the longest any crisis case took from its 202 to its on-call email (to the
				second), which after a kill is how long the crisis lane had no consumer.

				| scenario | accepted | lost | duplicated | dead-lettered | time to drain | slowest crisis |
				|---|---|---|---|---|---|---|
				""");
		for (Reconciliation result : results) {
			table.append("| ").append(result.line()).append(" |\n");
		}
		Files.writeString(RESULTS, table, StandardCharsets.UTF_8);
	}

	private static void pause(Duration duration) throws InterruptedException {
		if (!duration.isNegative()) {
			Thread.sleep(duration.toMillis());
		}
	}

}
