package org.openintake.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * An open workload: cases arrive at a fixed rate whether or not earlier ones have been answered,
 * as patients do. Each case's latency runs from the moment it was due to be sent, not from when
 * the generator got round to sending it, so a stalled server (or a stalled generator) shows up
 * in the figures instead of quietly lowering the load ("coordinated omission").
 */
final class OpenLoadGenerator {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final URI intakes;

	OpenLoadGenerator(String intakeUrl) {
		this.intakes = URI.create(intakeUrl + "/api/intakes");
	}

	/**
	 * Sends {@code count} cases at {@code ratePerSecond} and returns once every one has its answer
	 * (or has timed out).
	 */
	LoadRun run(String name, double ratePerSecond, int count, Supplier<PlannedCase> cases) {
		Histogram crisis = new ConcurrentHistogram(Latencies.newMicrosHistogram());
		Histogram routine = new ConcurrentHistogram(Latencies.newMicrosHistogram());
		Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<AcceptedCase> accepted = new ConcurrentLinkedQueue<>();
		AtomicLong lastAnswer = new AtomicLong();
		List<CompletableFuture<?>> pending = new ArrayList<>(count);
		double periodNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		long worstSendDelay = 0;
		for (int i = 0; i < count; i++) {
			long due = start + (long) (i * periodNanos);
			long now;
			while ((now = System.nanoTime()) < due) {
				LockSupport.parkNanos(due - now);
			}
			worstSendDelay = Math.max(worstSendDelay, now - due);
			PlannedCase planned = cases.get();
			HttpRequest request = HttpRequest.newBuilder(intakes)
				.timeout(REQUEST_TIMEOUT)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofByteArray(planned.body()))
				.build();
			pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
				long answered = System.nanoTime();
				lastAnswer.accumulateAndGet(answered, Math::max);
				int status = (error != null) ? 0 : response.statusCode();
				statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
				if (status == 202) {
					long micros = TimeUnit.NANOSECONDS.toMicros(answered - due);
					(planned.crisis() ? crisis : routine).recordValue(micros);
					accepted.add(new AcceptedCase(caseId(response.body()), planned));
				}
				return null;
			}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
		Map<Integer, Long> byStatus = new TreeMap<>();
		statuses.forEach((status, n) -> byStatus.put(status, n.get()));
		Duration window = Duration.ofNanos(Math.max(1, lastAnswer.get() - start));
		return new LoadRun(name, ratePerSecond, count, window, Latencies.ofMicros(crisis), Latencies.ofMicros(routine),
				Latencies.ofMicros(merged(crisis, routine)), byStatus, List.copyOf(accepted),
				Duration.ofNanos(worstSendDelay));
	}

	private String caseId(String body) {
		return json.readTree(body).get("caseId").asString();
	}

	private static Histogram merged(Histogram a, Histogram b) {
		Histogram all = Latencies.newMicrosHistogram();
		all.add(a);
		all.add(b);
		return all;
	}

	/** A case intake answered 202, with the id it got. */
	record AcceptedCase(String caseId, PlannedCase planned) {
	}

	/**
	 * One load run as the client saw it.
	 *
	 * @param window from the first case's due time to the last answer
	 * @param statuses answers by HTTP status (0: no answer, connection error or time-out)
	 * @param worstSendDelay how far behind schedule the generator itself ever was (already inside the
	 * latencies; a large value means the machine, not only the server, was saturated)
	 */
	record LoadRun(String name, double targetRate, int sent, Duration window, Latencies crisis, Latencies routine,
			Latencies all, Map<Integer, Long> statuses, List<AcceptedCase> accepted, Duration worstSendDelay) {

		long acceptedCount() {
			return statuses.getOrDefault(202, 0L);
		}

		long failed() {
			return sent - acceptedCount();
		}

		/** 202 answers per second over the window. */
		double throughput() {
			return acceptedCount() / (window.toNanos() / 1e9);
		}

		long crisisAccepted() {
			return accepted.stream().filter(a -> a.planned().crisis()).count();
		}

	}

}
