package org.openintake.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One of the services, run from the jar the build produced, ready when its health is UP. Unless
 * {@value #CLASS_DATA_PROPERTY} is {@code false}, it runs from the extracted jar with a class-data
 * archive (see {@link ClassDataCache}).
 */
final class SpringService {

	/** {@code -Dlocalstack.class-data=false} on the launcher runs the plain jars (to compare start-up). */
	static final String CLASS_DATA_PROPERTY = "localstack.class-data";

	/** {@code -Dlocalstack.service-jvm-options="..."} on the launcher replaces {@link #jvmOptions}. */
	static final String JVM_OPTIONS_PROPERTY = "localstack.service-jvm-options";

	/**
	 * JVM settings chosen by what the benchmark measured (README, Performance).
	 * <p>
	 * Memory: the serial collector, which the JVM itself picks on small machines (G1's own
	 * structures took ~43 MB per service). The heap cap is about twice the largest live set
	 * measured after a full collection (40-60 MB per service under the benchmark's load), except
	 * intake-service's: its idempotency store keeps up to 100,000 receipts for a day
	 * ({@code intake.idempotency.max-entries}), about 1 KB each by their fields, so a full store
	 * needs ~100 MB more than the benchmark ever filled.
	 * <p>
	 * Compiler: the client compiler only ({@code TieredStopAtLevel=1}). With four services on two
	 * CPUs, each JVM compiled 14,000-17,000 methods during a benchmark run (JFR), on the same
	 * CPUs as the load, and the optimising compiler's arenas took memory; without it the services
	 * were ready 30-50 % sooner and used 45-80 MB less at peak, at the same CPU per case over a
	 * benchmark run (four runs against two, one machine). Hot loops pay for it: the triage engine
	 * takes 2-3 times as long per intake, about 0.5 ms of CPU per case.
	 */
	static String jvmOptions(String module) {
		String heap = module.equals("intake-service") ? "256m" : "128m";
		return "-XX:+UseSerialGC -Xms64m -Xmx" + heap + " -Xss512k -XX:TieredStopAtLevel=1";
	}

	/**
	 * glibc opens up to eight malloc arenas per core, a new one whenever threads allocate at the
	 * same moment, and memory freed in one arena serves only that arena; a JVM's many threads
	 * then keep native memory aside that nobody uses. Two arenas are enough for what a JVM mallocs
	 * outside its heap.
	 */
	private static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

	private final int port;

	private final ManagedProcess process;

	/** null when class-data sharing is off */
	private final ClassDataCache classData;

	SpringService(String module, Path jar, int port, List<String> arguments, Path dir) {
		this.port = port;
		this.classData = Boolean.parseBoolean(System.getProperty(CLASS_DATA_PROPERTY, "true"))
				? ClassDataCache.prepare(module, jar, StackHome.locate().target().resolve("class-data")) : null;
		List<String> command = new ArrayList<>(List.of(StackHome.java().toString()));
		String jvmOptions = System.getProperty(JVM_OPTIONS_PROPERTY, jvmOptions(module)).trim();
		if (!jvmOptions.isEmpty()) {
			command.addAll(Arrays.asList(jvmOptions.split("\\s+")));
		}
		if (classData != null) {
			command.addAll(classData.jvmOptions());
		}
		command.addAll(List.of("-jar", (classData != null ? classData.jar() : jar).toString(), "--server.port=" + port,
				"--management.server.port=" + Ports.management(port)));
		command.addAll(arguments);
		this.process = new ManagedProcess(module, command, ENVIRONMENT, dir.resolve(module + ".log"));
	}

	void start() {
		process.start();
	}

	void awaitReady(Duration timeout) {
		Readiness.awaitHttpOk(process, healthUrl(), timeout);
	}

	void stop() {
		boolean clean = process.stop(Duration.ofSeconds(30));
		if (classData != null) {
			classData.processEnded(clean);
		}
	}

	void kill() {
		process.kill();
		if (classData != null) {
			classData.processEnded(false);
		}
	}

	String name() {
		return process.name();
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	String managementUrl() {
		return "http://127.0.0.1:" + Ports.management(port);
	}

	String healthUrl() {
		return managementUrl() + "/actuator/health";
	}

	ManagedProcess process() {
		return process;
	}

}
