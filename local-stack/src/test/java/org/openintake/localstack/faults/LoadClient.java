package org.openintake.localstack.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.openintake.localstack.FaultStack;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits cases the way a careful client does: each with its own Idempotency-Key, and on a 503 or
 * a connection error the same body under the same key again, after a short back-off, until a 202
 * or the case's time budget runs out. Every fifth case is a crisis.
 */
final class LoadClient {

	private static final Duration FIRST_BACK_OFF = Duration.ofMillis(250);

	private static final Duration MAX_BACK_OFF = Duration.ofSeconds(2);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String intakeUrl;

	LoadClient(String intakeUrl) {
		this.intakeUrl = intakeUrl;
	}

	/**
	 * One case as the client saw it.
	 *
	 * @param caseId from the 202, or null when the case was never accepted
	 * @param finalStatus the last HTTP status (0 for a connection error or time-out)
	 */
	record Submission(String key, boolean crisis, String caseId, int attempts, int finalStatus, Instant acceptedAt) {

		boolean accepted() {
			return caseId != null;
		}

		String mailbox() {
			return crisis ? "crisis-oncall@clinic.local" : "cbt@clinic.local";
		}

	}

	/**
	 * Starts {@code count} submissions, one every {@code spacing}, on a few threads; the future
	 * completes when every case has its answer or has used up {@code budget}.
	 */
	CompletableFuture<List<Submission>> start(int count, Duration spacing, Duration budget) {
		return CompletableFuture.supplyAsync(() -> {
			ExecutorService workers = Executors.newFixedThreadPool(8);
			try {
				List<Future<Submission>> pending = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					boolean crisis = i % 5 == 0;
					pending.add(workers.submit(() -> submit(crisis, budget)));
					Thread.sleep(spacing.toMillis());
				}
				List<Submission> done = new ArrayList<>();
				for (Future<Submission> submission : pending) {
					done.add(submission.get());
				}
				return done;
			}
			catch (Exception ex) {
				throw new IllegalStateException("The load client failed", ex);
			}
			finally {
				workers.shutdownNow();
			}
		});
	}

	private Submission submit(boolean crisis, Duration budget) throws InterruptedException {
		String key = UUID.randomUUID().toString();
		String concerns = "Fault-injection case " + key;
		String body = crisis ? FaultStack.crisisIntake("I want to kill myself. " + concerns)
				: FaultStack.routineIntake(concerns);
		Instant deadline = Instant.now().plus(budget);
		Duration backOff = FIRST_BACK_OFF;
		int attempts = 0;
		int status = 0;
		while (Instant.now().isBefore(deadline)) {
			attempts++;
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(intakeUrl + "/api/intakes"))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", key)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				status = response.statusCode();
				if (status == 202) {
					String caseId = json.readTree(response.body()).get("caseId").asString();
					return new Submission(key, crisis, caseId, attempts, status, Instant.now());
				}
				if (status != 503) {
					// a 4xx or 500 is not something a retry fixes: report it as not accepted
					return new Submission(key, crisis, null, attempts, status, null);
				}
			}
			catch (IOException ex) {
				status = 0;
			}
			Thread.sleep(backOff.toMillis());
			backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
		}
		return new Submission(key, crisis, null, attempts, status, null);
	}

}
