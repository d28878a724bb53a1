package org.openintake.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack exactly as the README starts it ({@code java -jar local-stack/target/local-stack.jar
 * --port-offset=N --run-dir=DIR}), as a child process, stopped with SIGTERM like Ctrl-C.
 *
 * <p>The intake's per-client rate limit (30 a minute per address) would refuse almost every case a
 * single load generator sends, so the launcher passes {@code --intake.rate-limit.enabled=false}
 * to intake-service, as a deployment behind a rate-limiting proxy would turn it off.
 */
final class StackUnderTest implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

	private static final String SERVICE_JVM_OPTIONS = "localstack.service-jvm-options";

	/** The launcher's settings that a benchmark run passes on when it was given them. */
	private static final List<String> LAUNCHER_PROPERTIES = List.of(SERVICE_JVM_OPTIONS, "localstack.class-data");

	private static final Pattern SPRING_STARTED = Pattern
		.compile("Started \\w+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final Path repository;

	private final StackPorts ports;

	private final Path runDir;

	private Process launcher;

	private final Map<Service, ProcessHandle> services = new EnumMap<>(Service.class);

	/** Every descendant seen, so none can outlive the benchmark even after the launcher is gone. */
	private final List<ProcessHandle> descendants = new ArrayList<>();

	StackUnderTest(Path repository, StackPorts ports) {
		this.repository = repository;
		this.ports = ports;
		this.runDir = repository.resolve("benchmark/target/stack-run");
	}

	/** The services' JVM settings when the benchmark was given ones to use instead of the launcher's. */
	static Optional<String> serviceJvmOptions() {
		return Optional.ofNullable(System.getProperty(SERVICE_JVM_OPTIONS));
	}

	/** Starts the stack and returns how long each service took from its JVM's start to healthy. */
	Map<Service, Startup> start() {
		Path jar = repository.resolve("local-stack/target/local-stack.jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		// The launcher's own settings for the services, when the benchmark was given them, so that
		// a run can compare JVM settings without a rebuild.
		for (String property : LAUNCHER_PROPERTIES) {
			String value = System.getProperty(property);
			if (value != null) {
				command.add("-D" + property + "=" + value);
			}
		}
		command.addAll(List.of("-jar", jar.toString(), "--port-offset=" + ports.offset(), "--run-dir=" + runDir,
				"--intake.rate-limit.enabled=false"));
		ProcessBuilder builder = new ProcessBuilder(command)
			.redirectErrorStream(true)
			.redirectOutput(repository.resolve("benchmark/target/local-stack.log").toFile());
		try {
			launcher = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the local stack", ex);
		}
		Map<Service, Instant> ready = new EnumMap<>(Service.class);
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		while (ready.size() < Service.values().length) {
			if (!launcher.isAlive()) {
				throw new IllegalStateException("The local stack exited (code " + launcher.exitValue() + "), see "
						+ repository.resolve("benchmark/target/local-stack.log"));
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("The local stack was not ready within " + READY_TIMEOUT);
			}
			discoverServices();
			for (Service service : services.keySet()) {
				if (!ready.containsKey(service) && healthy(service)) {
					ready.put(service, Instant.now());
				}
			}
			sleep(Duration.ofMillis(50));
		}
		Map<Service, Startup> startups = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			Instant started = services.get(service).info().startInstant().orElseThrow();
			startups.put(service, new Startup(Duration.between(started, ready.get(service)), springStartup(service)));
		}
		return startups;
	}

	/** RSS of each service's JVM now. */
	Map<Service, Long> rss() {
		Map<Service, Long> rss = new EnumMap<>(Service.class);
		services.forEach((service, process) -> rss.put(service, Rss.of(process.pid()).orElse(0)));
		return rss;
	}

	/**
	 * Each process of the stack by what it is (the services, Kafka, GreenMail, the launcher), and
	 * this JVM as the load generator, for {@link CpuUsage}.
	 */
	Map<String, List<Long>> parts() {
		discoverServices();
		Map<String, List<Long>> parts = new java.util.LinkedHashMap<>();
		services.forEach((service, process) -> parts.put(service.module(), List.of(process.pid())));
		for (ProcessHandle process : launcher.descendants().toList()) {
			String commandLine = process.info().commandLine().orElse("");
			if (commandLine.contains("kafka.Kafka")) {
				parts.put("kafka broker", List.of(process.pid()));
			}
			else if (commandLine.contains("greenmail")) {
				parts.put("greenmail (SMTP)", List.of(process.pid()));
			}
		}
		parts.put("PostgreSQL (notification + casework)", postgres());
		parts.put("local-stack launcher", List.of(launcher.pid()));
		parts.put("load generator (this JVM)", List.of(ProcessHandle.current().pid()));
		return parts;
	}

	/**
	 * The stack's PostgreSQL: pg_ctl detaches the postmaster from the launcher, so it is found by
	 * its port; its children are the background workers and one backend per pooled connection
	 * (the pools hold theirs open, so the set is stable once the stack is up).
	 */
	private List<Long> postgres() {
		String port = "-p " + ports.postgres() + " ";
		return ProcessHandle.allProcesses()
			.filter(process -> process.info().command().orElse("").endsWith("/postgres")
					&& process.info().commandLine().orElse("").contains(port))
			.flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
					postmaster.descendants()))
			.map(ProcessHandle::pid)
			.toList();
	}

	/** SIGTERM to the launcher (its shutdown hook stops every child), then make sure nothing survived. */
	@Override
	public void close() {
		if (launcher == null) {
			return;
		}
		discoverServices();
		launcher.destroy();
		try {
			if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
				launcher.destroyForcibly();
			}
			for (ProcessHandle child : descendants) {
				child.onExit().get(30, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			// fall through to the forcible stop below
		}
		List<ProcessHandle> survivors = descendants.stream().filter(ProcessHandle::isAlive).toList();
		survivors.forEach(ProcessHandle::destroyForcibly);
		if (!survivors.isEmpty()) {
			System.err.println("[benchmark] killed " + survivors.size() + " stack processes that outlived the launcher");
		}
		launcher = null;
		// a second start (after a failed first one) must not mistake the old JVMs for its own
		services.clear();
		descendants.clear();
	}

	Path runDir() {
		return runDir;
	}

	private void discoverServices() {
		launcher.descendants().forEach(process -> {
			if (descendants.stream().noneMatch(known -> known.pid() == process.pid())) {
				descendants.add(process);
			}
			String commandLine = process.info().commandLine().orElse("");
			for (Service service : Service.values()) {
				if (service.runs(commandLine)) {
					services.putIfAbsent(service, process);
				}
			}
		});
	}

	private boolean healthy(Service service) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(ports.healthUrl(service.port(ports))))
				.timeout(Duration.ofSeconds(1))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What Spring Boot itself logged: "Started ... in X seconds (process running for Y)". */
	private Optional<Duration> springStartup(Service service) {
		try {
			Matcher matcher = SPRING_STARTED
				.matcher(Files.readString(runDir.resolve(service.module() + ".log"), StandardCharsets.UTF_8));
			return matcher.find() ? Optional.of(Duration.ofMillis((long) (Double.parseDouble(matcher.group(2)) * 1000)))
					: Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param toHealthy from the JVM's start (as the kernel saw it) to its actuator health answering 200
	 * @param springProcessRunning Spring Boot's own "process running for" at the end of startup
	 */
	record Startup(Duration toHealthy, Optional<Duration> springProcessRunning) {
	}

}
