package org.openintake.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The launcher as the fault-injection suite ({@code org.openintake.localstack.faults}, Maven
 * profile {@code faults}) drives it: a stack of its own (its own ports and run directory, never
 * the {@link SharedStack}), and the crashes, outages and restarts the scenarios need. The launcher
 * is package-private on purpose; this is the one door the suite goes through.
 */
public final class FaultStack implements AutoCloseable {

	private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(180);

	private final LocalStack stack;

	private SpringService triage;

	private SpringService secondTriage;

	private FaultStack(LocalStack stack) {
		this.stack = stack;
		this.triage = stack.triage();
	}

	/** Starts Kafka, GreenMail, PostgreSQL and the three services on the design's ports moved by {@code portOffset}. */
	public static FaultStack start(int portOffset, String runDirName) {
		// The load client plays many patients from one address: the per-client rate limit would
		// refuse most of them with 429 and hide what the faults do.
		// Crisis cases must be acknowledged within 60 s here, and nobody does: each one escalates
		// once (the repeat is longer than the suite), so the suite can check that none misses it.
		LocalStack stack = new LocalStack(Ports.withOffset(portOffset), StackHome.locate().target().resolve(runDirName),
				List.of("--intake.rate-limit.enabled=false"), false,
				List.of("--casework.escalation.imminent=60s", "--casework.escalation.high=60s",
						"--casework.escalation.moderate=60s", "--casework.escalation.repeat=60m",
						"--casework.escalation.poll-interval=2s"));
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fault-stack-shutdown"));
		stack.start();
		return new FaultStack(stack);
	}

	public static Path target() {
		return StackHome.locate().target();
	}

	public String intakeUrl() {
		return stack.intake().url();
	}

	public String mailApiUrl() {
		return stack.mail().apiUrl();
	}

	public String bootstrapServers() {
		return stack.ports().bootstrapServers();
	}

	public void killBroker() {
		stack.kafka().kill();
	}

	/** Restarts the broker on its old data, as after a crash. */
	public void startBroker() {
		stack.kafka().start();
	}

	/** {@code kill -9} of the triage-service instance that currently does the work. */
	public void killTriage() {
		triage.kill();
	}

	public void restartTriage() {
		restart(triage);
	}

	/**
	 * Starts a second triage-service in the same consumer group, next to the first (on the
	 * triage port + 10), and waits until it is healthy.
	 */
	public void startSecondTriage() {
		secondTriage = stack.startTriageInstance(stack.ports().triage() + 10);
	}

	/**
	 * Kills the first triage-service and leaves it dead: from now on the second instance is the
	 * one {@link #killTriage()} and {@link #restartTriage()} mean.
	 */
	public void killFirstTriageForGood() {
		stack.triage().kill();
		triage = secondTriage;
	}

	/**
	 * Starts a second intake-service beside the first (on the intake port + 10), configured the
	 * same, idempotency secret included; returns its URL.
	 */
	public String startSecondIntake() {
		return stack.startIntakeInstance(stack.ports().intake() + 10).url();
	}

	/** Kills the first intake-service and leaves it dead. */
	public void killFirstIntakeForGood() {
		stack.intake().kill();
	}

	/**
	 * Starts a second notification-service on the same database (the notification port + 20): the
	 * two split the partitions, and the survivor of a kill knows what the dead one sent.
	 */
	public void startSecondNotification() {
		// + 20: + 10 would put its actuator (+ 1000) on the broker port
		stack.startNotificationInstance(stack.ports().notification() + 20);
	}

	/** Kills the first notification-service and leaves it dead. */
	public void killFirstNotificationForGood() {
		stack.notification().kill();
	}

	public void killNotification() {
		stack.notification().kill();
	}

	public void restartNotification() {
		restart(stack.notification());
	}

	/** {@code kill -9} of casework-service. */
	public void killCasework() {
		stack.casework().kill();
	}

	public void restartCasework() {
		restart(stack.casework());
	}

	/**
	 * How many case records casework holds for each of {@code caseIds} with both the form and the
	 * triage decision (what a staff member needs to work the case); ids it lacks are left out.
	 */
	public Map<String, Integer> caseworkRecords(Collection<String> caseIds) {
		return caseworkCounts("select case_id, count(*) from staff_case where form is not null"
				+ " and triaged_at is not null and case_id = any(?) group by case_id", caseIds);
	}

	/** Of {@code caseIds}, the crisis cases casework has escalated at least once, with their step. */
	public Map<String, Integer> escalatedCases(Collection<String> caseIds) {
		return caseworkCounts("select case_id, escalation_step from staff_case where crisis and escalation_step > 0"
				+ " and case_id = any(?)", caseIds);
	}

	private Map<String, Integer> caseworkCounts(String sql, Collection<String> caseIds) {
		Map<String, Integer> counts = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(stack.database().caseworkJdbcUrl(),
				DatabaseServer.CASEWORK.owner(), DatabaseServer.CASEWORK.password());
				PreparedStatement query = connection.prepareStatement(sql)) {
			query.setArray(1, connection.createArrayOf("varchar", caseIds.toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					counts.put(rows.getString(1), rows.getInt(2));
				}
			}
		}
		catch (SQLException ex) {
			// the database may be restarting: the caller waits and asks again
			throw new IllegalStateException("casework's database did not answer: " + ex.getSQLState(), ex);
		}
		return counts;
	}

	/** Stops PostgreSQL cleanly; its data directory stays. */
	public void stopDatabase() {
		stack.database().stop();
	}

	/** Starts PostgreSQL again on the data it had. */
	public void startDatabase() {
		stack.database().start();
	}

	/** Stops and starts PostgreSQL on the same data: the services lose every connection meanwhile. */
	public void restartDatabase() {
		stack.database().restart();
	}

	/** Stops GreenMail; it keeps its mailboxes in memory only, so they are gone when it is back. */
	public void stopMail() {
		stack.mail().stop();
	}

	public void startMail() {
		stack.mail().start();
	}

	/** A routine body (moderate depression, CBT interest): staff email to cbt@clinic.local. */
	public static String routineIntake(String concerns) {
		return Intakes.routine(concerns);
	}

	/** A crisis body (suicidal intent): staff email to crisis-oncall@clinic.local. */
	public static String crisisIntake(String concerns) {
		return Intakes.crisis(concerns);
	}

	@Override
	public void close() {
		stack.close();
	}

	private static void restart(SpringService service) {
		service.start();
		service.awaitReady(RESTART_TIMEOUT);
	}

}
