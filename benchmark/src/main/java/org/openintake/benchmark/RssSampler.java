package org.openintake.benchmark;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples each service's RSS once a second while load runs and keeps the highest. */
final class RssSampler implements AutoCloseable {

	private final StackUnderTest stack;

	private final Map<Service, Long> peak = new EnumMap<>(Service.class);

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "rss-sampler");
		thread.setDaemon(true);
		return thread;
	});

	RssSampler(StackUnderTest stack) {
		this.stack = stack;
	}

	void start() {
		timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
	}

	synchronized Map<Service, Long> peak() {
		return new EnumMap<>(peak);
	}

	private synchronized void sample() {
		stack.rss().forEach((service, rss) -> peak.merge(service, rss, Math::max));
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

}
