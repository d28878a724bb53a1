package org.openintake.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the services, run from the jar the build produced, ready when its health is UP. Unless
 * {@value #CLASS_DATA_PROPERTY} is {@code false}, it runs from the extracted jar with a class-data
 * archive (see {@link ClassDataCache}).
 */
final class SpringService {

	/** {@code -Dlocalstack.class-data=false} on the launcher runs the plain jars (to compare start-up). */
	static final String CLASS_DATA_PROPERTY = "localstack.class-data";

	private final int port;

	private final ManagedProcess process;

	/** null when class-data sharing is off */
	private final ClassDataCache classData;

	SpringService(String module, Path jar, int port, List<String> arguments, Path dir) {
		this.port = port;
		this.classData = Boolean.parseBoolean(System.getProperty(CLASS_DATA_PROPERTY, "true"))
				? ClassDataCache.prepare(module, jar, StackHome.locate().target().resolve("class-data")) : null;
		List<String> command = new ArrayList<>(List.of(StackHome.java().toString(), "-Xms128m", "-Xmx384m"));
		if (classData != null) {
			command.addAll(classData.jvmOptions());
		}
		command.addAll(List.of("-jar", (classData != null ? classData.jar() : jar).toString(), "--server.port=" + port,
				"--management.server.port=" + Ports.management(port)));
		command.addAll(arguments);
		this.process = new ManagedProcess(module, command, dir.resolve(module + ".log"));
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
