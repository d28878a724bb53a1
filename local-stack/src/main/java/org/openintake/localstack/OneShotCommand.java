package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A tool run to completion before the stack starts (Kafka's storage format, keytool), its output in a log. */
final class OneShotCommand {

	private OneShotCommand() {
	}

	/** Runs {@code command} for at most a minute; fails naming {@code what} and the log unless it exits 0. */
	static void run(List<String> command, Path log, String what) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(what + " failed, see " + log);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
