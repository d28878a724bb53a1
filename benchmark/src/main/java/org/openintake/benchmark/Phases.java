package org.openintake.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the run into named phases and keeps, for each, the CPU each process used and the
 * services' stage meters: one mark at the start, one at the end of every phase.
 */
final class Phases {

	private final Map<String, List<Long>> parts;

	private final StageMeters meters;

	private final Map<String, CpuUsage> cpu = new LinkedHashMap<>();

	private final Map<String, StageMeters.Snapshot> stages = new LinkedHashMap<>();

	private CpuUsage cpuMark;

	private StageMeters.Snapshot stageMark;

	Phases(Map<String, List<Long>> parts, StageMeters meters) {
		this.parts = parts;
		this.meters = meters;
		this.cpuMark = CpuUsage.sample(parts);
		this.stageMark = meters.snapshot();
	}

	/** Ends the phase that began at the previous mark; the next one begins now. */
	void end(String name) {
		CpuUsage cpuNow = CpuUsage.sample(parts);
		StageMeters.Snapshot stagesNow = meters.snapshot();
		cpu.put(name, cpuNow.minus(cpuMark));
		stages.put(name, stagesNow.minus(stageMark));
		cpuMark = cpuNow;
		stageMark = stagesNow;
	}

	Map<String, CpuUsage> cpu() {
		return cpu;
	}

	Map<String, StageMeters.Snapshot> stages() {
		return stages;
	}

}
