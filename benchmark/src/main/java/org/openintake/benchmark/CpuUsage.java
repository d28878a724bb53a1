package org.openintake.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time per part of the stack (from /proc/PID/stat) and of the whole machine (/proc/stat):
 * where a scenario's time goes, and how much of the machine something else was using meanwhile
 * (on a shared machine, another test run is noise the figures must admit to).
 *
 * @param jiffiesByPart CPU time (user + system) of each part, in clock ticks
 * @param machineBusy busy ticks of all CPUs together
 * @param machineTotal all ticks of all CPUs together (busy + idle)
 */
record CpuUsage(Map<String, Long> jiffiesByPart, long machineBusy, long machineTotal) {

	/** Linux's USER_HZ on every common architecture; /proc reports CPU time in these ticks. */
	static final int TICKS_PER_SECOND = 100;

	/** @param pidsByPart the processes of each part (PostgreSQL is one process per connection) */
	static CpuUsage sample(Map<String, List<Long>> pidsByPart) {
		Map<String, Long> jiffies = new LinkedHashMap<>();
		pidsByPart.forEach((part, pids) -> jiffies.put(part, pids.stream().mapToLong(CpuUsage::processJiffies).sum()));
		long[] machine = machineJiffies();
		return new CpuUsage(jiffies, machine[0], machine[1]);
	}

	/** What happened between {@code earlier} and this sample. */
	CpuUsage minus(CpuUsage earlier) {
		Map<String, Long> delta = new LinkedHashMap<>();
		jiffiesByPart.forEach((part, ticks) -> delta.put(part, ticks - earlier.jiffiesByPart.getOrDefault(part, 0L)));
		return new CpuUsage(delta, machineBusy - earlier.machineBusy, machineTotal - earlier.machineTotal);
	}

	/** CPU seconds of a part. */
	double seconds(String part) {
		return jiffiesByPart.getOrDefault(part, 0L) / (double) TICKS_PER_SECOND;
	}

	/** Busy ticks of the machine not accounted for by any part: other processes. */
	double otherSeconds() {
		long ours = jiffiesByPart.values().stream().mapToLong(Long::longValue).sum();
		return Math.max(0, machineBusy - ours) / (double) TICKS_PER_SECOND;
	}

	/** Share of all CPUs that was busy, 0..1. */
	double machineBusyShare() {
		return machineTotal == 0 ? 0 : machineBusy / (double) machineTotal;
	}

	/** utime + stime of one process, or 0 when it is gone. */
	static long processJiffies(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return parseProcessJiffies(stat);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Fields 14 and 15 of /proc/PID/stat, counted after the command name (which may hold spaces). */
	static long parseProcessJiffies(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields[0] is field 3 (state): utime is field 14, stime field 15
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	/** {busy, total} from the first line of /proc/stat. */
	private static long[] machineJiffies() {
		try {
			return parseMachineJiffies(Files.readAllLines(Path.of("/proc/stat")).get(0));
		}
		catch (IOException ex) {
			return new long[] { 0, 0 };
		}
	}

	/** {@code cpu user nice system idle iowait irq softirq steal ...}: idle and iowait are not busy. */
	static long[] parseMachineJiffies(String cpuLine) {
		String[] fields = cpuLine.trim().split("\\s+");
		long busy = 0;
		long total = 0;
		for (int i = 1; i < Math.min(fields.length, 9); i++) {
			long value = Long.parseLong(fields[i]);
			total += value;
			if (i != 4 && i != 5) {
				busy += value;
			}
		}
		return new long[] { busy, total };
	}

}
