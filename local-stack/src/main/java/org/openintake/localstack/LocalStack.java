package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The whole system on one machine, on real infrastructure and without Docker: a KRaft Kafka
 * broker, GreenMail, PostgreSQL, an OIDC provider and the four services, each a process of its own, on the
 * design's ports.
 * Ctrl-C or SIGTERM stops all of them.
 *
 * <pre>
 * java -jar local-stack/target/local-stack.jar [--port-offset=N] [--run-dir=PATH] [--kafka-tls] [--intake.NAME=VALUE ...]
 *     [--casework.NAME=VALUE ...]
 * </pre>
 * {@code --kafka-tls} runs Kafka with TLS-only client connections (see {@link KafkaTls}).
 * Options starting with {@code --intake.} are passed to intake-service, e.g. a load run from one
 * address turns the per-client rate limit off with {@code --intake.rate-limit.enabled=false}.
 */
public final class LocalStack implements AutoCloseable {

	private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(180);

	private final Ports ports;

	private final Path runDir;

	private final KafkaBroker kafka;

	private final MailServer mail;

	private final DatabaseServer database;

	private final SpringService intake;

	private final SpringService triage;

	private final SpringService notification;

	private final DemoStaff staff;

	private final IdentityProvider identityProvider;

	private final SpringService casework;

	private final List<String> caseworkArguments;

	private final StackHome home;

	private final List<String> intakeArguments;

	/** null unless the broker speaks TLS */
	private final KafkaTls tls;

	private final List<String> triageArguments;

	private final List<String> notificationArguments;

	/** Further instances started by {@link #startTriageInstance(int)}; stopped with the rest. */
	private final List<SpringService> extraInstances = new CopyOnWriteArrayList<>();

	private boolean closed;

	LocalStack(Ports ports, Path runDir) {
		this(ports, runDir, List.of());
	}

	/**
	 * @param extraIntakeArguments more {@code --name=value} settings for intake-service, e.g. a
	 * load test that plays many patients from one address turns the per-client rate limit off
	 */
	LocalStack(Ports ports, Path runDir, List<String> extraIntakeArguments) {
		this(ports, runDir, extraIntakeArguments, false);
	}

	/**
	 * @param kafkaTls the broker accepts clients over TLS only, with a certificate made at start,
	 * and every service is configured to trust it
	 */
	LocalStack(Ports ports, Path runDir, List<String> extraIntakeArguments, boolean kafkaTls) {
		this(ports, runDir, extraIntakeArguments, kafkaTls, List.of());
	}

	/**
	 * @param extraCaseworkArguments more {@code --name=value} settings for casework-service, e.g.
	 * crisis acknowledgement deadlines of seconds for a test of escalation
	 */
	LocalStack(Ports ports, Path runDir, List<String> extraIntakeArguments, boolean kafkaTls,
			List<String> extraCaseworkArguments) {
		this(ports, runDir, extraIntakeArguments, kafkaTls, extraCaseworkArguments, List.of());
	}

	/**
	 * @param extraTriageArguments more {@code --name=value} settings for triage-service, e.g. a
	 * test that pauses the routine lane exposes the bindings endpoint on the management port
	 */
	LocalStack(Ports ports, Path runDir, List<String> extraIntakeArguments, boolean kafkaTls,
			List<String> extraCaseworkArguments, List<String> extraTriageArguments) {
		StackHome home = StackHome.locate();
		this.home = home;
		this.ports = ports;
		this.runDir = runDir;
		String kafkaArg = "--spring.kafka.bootstrap-servers=" + ports.bootstrapServers();
		String notificationUrl = "http://127.0.0.1:" + ports.notification();
		String intakeOrigins = "http://127.0.0.1:" + ports.intake() + ",http://localhost:" + ports.intake();
		this.tls = kafkaTls ? new KafkaTls(runDir.resolve("tls")) : null;
		List<String> kafkaClient = tls == null ? List.of() : tls.clientArguments();
		this.kafka = new KafkaBroker(ports, home.kafkaLib(), runDir.resolve("kafka"), tls);
		this.mail = new MailServer(ports, home.greenMailJar(), runDir);
		this.database = new DatabaseServer(ports, runDir);
		// every intake instance of a deployment shares the secret that makes an Idempotency-Key
		// retry get the same receipt token on whichever instance it lands
		String idempotencySecret = "--intake.idempotency.secret=" + IdempotencySecret.generate();
		this.intakeArguments = Stream
			.of(Stream.of(kafkaArg, "--intake.links.notification-base-url=" + notificationUrl, idempotencySecret),
					kafkaClient.stream(), extraIntakeArguments.stream())
			.flatMap(arguments -> arguments)
			.toList();
		this.intake = new SpringService("intake-service", home.serviceJar("intake-service"), ports.intake(),
				intakeArguments, runDir);
		this.triageArguments = Stream
			.of(Stream.of(kafkaArg, "--triage.playground.enabled=true"), kafkaClient.stream(), extraTriageArguments.stream())
			.flatMap(arguments -> arguments)
			.toList();
		this.triage = new SpringService("triage-service", home.serviceJar("triage-service"), ports.triage(),
				triageArguments, runDir);
		this.notificationArguments = Stream
			.concat(Stream.of(kafkaArg, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + ports.smtp(),
					"--spring.datasource.url=" + database.notificationJdbcUrl(),
					"--spring.datasource.username=" + DatabaseServer.NOTIFICATION.owner(),
					"--spring.datasource.password=" + DatabaseServer.NOTIFICATION.password(),
					"--notification.case-link-base-url=" + ports.caseLinkBaseUrl(),
					"--notification.cors.allowed-origins=" + intakeOrigins), kafkaClient.stream())
			.toList();
		this.notification = new SpringService("notification-service", home.serviceJar("notification-service"),
				ports.notification(), notificationArguments, runDir);
		// the staff side: the OIDC provider with one demo account per role, and casework-service,
		// which signs staff in there; the client secret is drawn per run like the passwords
		this.staff = new DemoStaff();
		String clientSecret = IdempotencySecret.generate();
		this.identityProvider = new IdentityProvider(ports, home.identityProviderJar(), staff, clientSecret, runDir);
		this.caseworkArguments = Stream.of(Stream.of(kafkaArg,
				"--spring.datasource.url=" + database.caseworkJdbcUrl(),
				"--spring.datasource.username=" + DatabaseServer.CASEWORK_APP,
				"--spring.datasource.password=" + DatabaseServer.CASEWORK_APP_PASSWORD,
				"--spring.flyway.user=" + DatabaseServer.CASEWORK.owner(),
				"--spring.flyway.password=" + DatabaseServer.CASEWORK.password(),
				"--spring.security.oauth2.client.provider.clinic.issuer-uri=" + ports.issuer(),
				"--spring.security.oauth2.client.registration.clinic.client-secret=" + clientSecret),
					kafkaClient.stream(), extraCaseworkArguments.stream())
			.flatMap(arguments -> arguments)
			.toList();
		this.casework = new SpringService("casework-service", home.serviceJar("casework-service"), ports.casework(),
				caseworkArguments, runDir);
	}

	public static void main(String[] args) {
		int offset = 0;
		Path runDir = StackHome.locate().target().resolve("run");
		List<String> intakeOptions = new ArrayList<>();
		List<String> caseworkOptions = new ArrayList<>();
		boolean kafkaTls = false;
		for (String arg : args) {
			if (arg.startsWith("--port-offset=")) {
				offset = Integer.parseInt(arg.substring("--port-offset=".length()));
			}
			else if (arg.startsWith("--run-dir=")) {
				runDir = Path.of(arg.substring("--run-dir=".length()));
			}
			else if (arg.equals("--kafka-tls")) {
				kafkaTls = true;
			}
			else if (arg.startsWith("--intake.") && arg.contains("=")) {
				intakeOptions.add(arg);
			}
			else if (arg.startsWith("--casework.") && arg.contains("=")) {
				caseworkOptions.add(arg);
			}
			else {
				System.err.println("Unknown option " + arg + ". Usage: java -jar local-stack/target/local-stack.jar"
						+ " [--port-offset=N] [--run-dir=PATH] [--kafka-tls] [--intake.NAME=VALUE ...]"
						+ " [--casework.NAME=VALUE ...]");
				System.exit(2);
			}
		}
		LocalStack stack = new LocalStack(Ports.withOffset(offset), runDir, intakeOptions, kafkaTls, caseworkOptions);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
		try {
			stack.start();
		}
		catch (RuntimeException ex) {
			System.err.println("The local stack did not start: " + ex.getMessage());
			System.exit(1);
		}
		System.out.println(stack.describe());
		try {
			Thread.currentThread().join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts everything and returns once every service reports healthy. */
	/** Starts every part; if one fails, stops what was started and rethrows. */
	void start() {
		try {
			startParts();
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private void startParts() {
		requireFreePorts();
		wipe(runDir);
		if (tls != null) {
			tls.generate();
		}
		log("Starting Kafka (KRaft) on " + ports.bootstrapServers() + (tls == null ? "" : " (TLS)"));
		kafka.start();
		log("Starting GreenMail SMTP on 127.0.0.1:" + ports.smtp());
		mail.start();
		log("Starting PostgreSQL on 127.0.0.1:" + ports.postgres() + " (databases notification, casework)");
		database.start();
		log("Starting the OIDC provider on " + identityProvider.issuer());
		identityProvider.start();
		// casework reads the provider's discovery document when it starts
		identityProvider.awaitReady(SERVICE_READY_TIMEOUT);
		// One at a time, intake first so that forms are taken soonest: four JVMs starting at once
		// on two cores took up to five times as long each as alone, and the whole stack was up
		// later (57 s against 48 s; start-up is CPU work). A rolling deployment starts them so too.
		for (SpringService service : List.of(intake, triage, notification, casework)) {
			log("Starting " + service.name());
			service.start();
			service.awaitReady(SERVICE_READY_TIMEOUT);
		}
	}

	/** Stops the services first (so they can finish in-flight work), then Kafka, mail and PostgreSQL. */
	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		log("Stopping the local stack");
		Stream.concat(Stream.of(intake, triage, notification, casework), extraInstances.stream())
			.parallel()
			.forEach(SpringService::stop);
		identityProvider.stop();
		kafka.stop();
		mail.stop();
		database.stop();
		log("Stopped. Logs are in " + runDir);
	}

	/**
	 * Starts one more triage-service in the same consumer group, on {@code port} (its actuator on
	 * port + 1000), with its log in {@code run-dir/triage-<port>}: Kafka then splits the
	 * partitions between the instances, and moves them to the survivor when one dies.
	 */
	SpringService startTriageInstance(int port) {
		return startInstance("triage-service", port, triageArguments);
	}

	/**
	 * Starts one more intake-service on {@code port} (its actuator on port + 1000), configured like
	 * the first one, secret included: two instances behind an imagined load balancer.
	 */
	SpringService startIntakeInstance(int port) {
		return startInstance("intake-service", port, intakeArguments);
	}

	/**
	 * Starts one more notification-service in the same consumer groups and on the same database,
	 * on {@code port} (its actuator on port + 1000), with its log in {@code run-dir/notification-<port>}.
	 */
	SpringService startNotificationInstance(int port) {
		return startInstance("notification-service", port, notificationArguments);
	}

	/**
	 * Starts one more casework-service on the same database and in the same consumer groups, on
	 * {@code port} (its actuator on port + 1000). Staff signing in there need a redirect URI the
	 * provider knows, so this one is for the event side (the fault suite), not for people.
	 */
	SpringService startCaseworkInstance(int port) {
		return startInstance("casework-service", port, caseworkArguments);
	}

	/** One more instance of {@code module}, configured like the first, logging to {@code run-dir/<short name>-<port>}. */
	private SpringService startInstance(String module, int port, List<String> arguments) {
		SpringService instance = new SpringService(module, home.serviceJar(module), port, arguments,
				runDir.resolve(module.replace("-service", "") + "-" + port));
		extraInstances.add(instance);
		instance.start();
		instance.awaitReady(SERVICE_READY_TIMEOUT);
		return instance;
	}

	String describe() {
		StringBuilder accounts = new StringBuilder();
		for (DemoStaff.Account account : staff.accounts()) {
			accounts.append(String.format("                            %-19s %-17s %s%n", account.username(),
					account.password(), account.role()));
		}
		return """

				OpenIntake local stack is running (Ctrl-C stops everything).
				  Intake page and API     %s            POST /api/intakes
				  Staff (casework)        %s/staff/cases   sign in with a demo account below
				  Triage playground       %s/api/triage/assessments
				  Notification            %s            GET /api/helplines?country=GB, GET /api/cases/{id}/outcome
				  Actuator                http://127.0.0.1:{%d,%d,%d,%d}/actuator/{health,prometheus}
				  OIDC provider           %s (Spring Authorization Server, demo accounts only)
				  Kafka                   %s
				  SMTP (GreenMail)        127.0.0.1:%d
				  PostgreSQL              %s (user notification, password notification)
				                          %s (user casework or casework_app, password the same as the user)
				  Staff mailboxes         %s/api/user/crisis-oncall@clinic.local/messages (or tms@, cbt@, ...)
				  Logs and data           %s

				  Demo staff accounts (new passwords every run):
				                            username            password          sees
				%s""".formatted(intake.url(), casework.url(), triage.url(), notification.url(),
				Ports.management(ports.intake()), Ports.management(ports.triage()), Ports.management(ports.notification()),
				Ports.management(ports.casework()), identityProvider.issuer(), ports.bootstrapServers(), ports.smtp(),
				database.notificationJdbcUrl(), database.caseworkJdbcUrl(), mail.apiUrl(), runDir, accounts);
	}

	/** The local run's demo staff accounts (tests sign in with them). */
	DemoStaff staff() {
		return staff;
	}

	SpringService casework() {
		return casework;
	}

	Ports ports() {
		return ports;
	}

	/** Where the processes write their logs and data. */
	Path runDir() {
		return runDir;
	}

	KafkaBroker kafka() {
		return kafka;
	}

	SpringService intake() {
		return intake;
	}

	SpringService triage() {
		return triage;
	}

	SpringService notification() {
		return notification;
	}

	MailServer mail() {
		return mail;
	}

	DatabaseServer database() {
		return database;
	}

	/**
	 * A port already taken usually means another stack is running: its services would answer our
	 * health checks and requests, and every result would be someone else's.
	 */
	private void requireFreePorts() {
		List<Integer> wanted = List.of(ports.kafka(), ports.kafkaController(), ports.smtp(), ports.mailApi(), ports.postgres(),
				ports.intake(), ports.triage(), ports.notification(), ports.casework(), ports.identityProvider(),
				Ports.management(ports.intake()), Ports.management(ports.triage()),
				Ports.management(ports.notification()), Ports.management(ports.casework()));
		List<Integer> taken = wanted.stream().filter(Readiness::portOpen).toList();
		if (!taken.isEmpty()) {
			throw new IllegalStateException("Ports " + taken + " are already in use on 127.0.0.1 (another local stack?)."
					+ " Stop it, or move this one with --port-offset=N.");
		}
	}

	/** Each run starts from empty topics, mailboxes and ledger. */
	private static void wipe(Path dir) {
		try {
			if (Files.exists(dir)) {
				try (Stream<Path> paths = Files.walk(dir)) {
					paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
				}
			}
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void log(String message) {
		System.out.println("[local-stack] " + message);
	}

}
