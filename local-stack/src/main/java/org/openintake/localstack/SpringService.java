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

	/** {@code -Dlocalstack.service-jvm-options="..."} on the launcher replaces {@link #MEMORY_OPTIONS}. */
	static final String JVM_OPTIONS_PROPERTY = "localstack.service-jvm-options";

	/**
	 * Memory settings sized to what the benchmark measured (README, Performance). The serial
	 * collector: G1's own structures took ~43 MB per service, and with a heap this small a young
	 * collection stays in the low milliseconds. The heap cap is about twice the largest live set
	 * measured after a full collection (40-60 MB per service under the benchmark's load).
	 */
	static final String MEMORY_OPTIONS = "-XX:+UseSerialGC -Xms64m -Xmx128m -Xss512k";

	/**
	 * glibc gives each thread that allocates its own 64 MB malloc arena by default; a JVM's many
	 * threads then hold tens of megabytes of native memory nobody uses. Two arenas are enough for
	 * what a JVM mallocs outside its heap.
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
		String jvmOptions = System.getProperty(JVM_OPTIONS_PROPERTY, MEMORY_OPTIONS).trim();
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
