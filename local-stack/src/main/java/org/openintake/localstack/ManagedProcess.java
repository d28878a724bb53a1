package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the stack, its output appended to a log file. Stopping asks politely
 * (SIGTERM, so Spring and Kafka shut down cleanly) and then insists; {@link #kill()} is the
 * {@code kill -9} that fault tests need.
 */
final class ManagedProcess {

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	private Process process;

	ManagedProcess(String name, List<String> command, Path log) {
		this(name, command, Map.of(), log);
	}

	/** @param environment variables added to the launcher's own for this process */
	ManagedProcess(String name, List<String> command, Map<String, String> environment, Path log) {
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.log = log;
	}

	synchronized void start() {
		if (isAlive()) {
			return;
		}
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	/** @return whether it ended by itself within {@code grace} (false: it had to be killed, or never ran) */
	synchronized boolean stop(Duration grace) {
		if (process == null) {
			return false;
		}
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		if (!waitFor(grace)) {
			kill();
			return false;
		}
		return true;
	}

	synchronized void kill() {
		if (process == null) {
			return;
		}
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		waitFor(Duration.ofSeconds(10));
	}

	boolean isAlive() {
		return process != null && process.isAlive();
	}

	String name() {
		return name;
	}

	Path log() {
		return log;
	}

	/** The end of the log, to explain a process that died or never got ready. */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log at " + log + ")";
		}
	}

	private boolean waitFor(Duration timeout) {
		try {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
