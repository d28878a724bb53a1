package org.openintake.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident set size of a process as the kernel counts it ({@code VmRSS} in /proc/PID/status). */
final class Rss {

	private Rss() {
	}

	/** In bytes; empty when the process is gone or /proc is not there (not Linux). */
	static OptionalLong of(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return OptionalLong.of(parseKilobytes(line) * 1024);
				}
			}
			return OptionalLong.empty();
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	/** {@code "VmRSS:	  123456 kB"} to 123456. */
	static long parseKilobytes(String line) {
		String value = line.substring(line.indexOf(':') + 1).trim();
		return Long.parseLong(value.substring(0, value.indexOf(' ')).trim());
	}

}
