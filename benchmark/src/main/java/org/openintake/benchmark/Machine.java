package org.openintake.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a run was measured on, so a reader can tell whether figures are comparable. */
record Machine(int cpus, String cpuModel, long memoryBytes, String jdk, String os) {

	static Machine describe() {
		return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemory(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
	}

	String summary() {
		return "%d CPUs (%s), %.1f GiB RAM, %s, %s".formatted(cpus, cpuModel, memoryBytes / (1024.0 * 1024 * 1024), jdk,
				os);
	}

	/** The 1-, 5- and 15-minute load averages now (runnable processes; above the CPU count means a queue). */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " / " + fields[1] + " / " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String readCpuModel() {
		return procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
			.orElse("unknown CPU");
	}

	private static long readMemory() {
		return procLine("/proc/meminfo", "MemTotal:").map(line -> Rss.parseKilobytes(line) * 1024).orElse(0L);
	}

	private static java.util.Optional<String> procLine(String file, String prefix) {
		try {
			List<String> lines = Files.readAllLines(Path.of(file));
			return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
		}
		catch (IOException ex) {
			return java.util.Optional.empty();
		}
	}

}
