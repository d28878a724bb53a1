package org.openintake.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One of the three services, run from the jar the build produced, ready when its health is UP. */
final class SpringService {

	private final int port;

	private final ManagedProcess process;

	SpringService(String module, Path jar, int port, List<String> arguments, Path dir) {
		this.port = port;
		List<String> command = new ArrayList<>(List.of(StackHome.java().toString(), "-Xms128m", "-Xmx384m",
				"-jar", jar.toString(), "--server.port=" + port,
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
		process.stop(Duration.ofSeconds(30));
	}

	void kill() {
		process.kill();
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
