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
 * <p>
 * Given several intake instances it plays a load balancer: each retry goes to the next instance,
 * and after a 202 the request is sent once more to another instance, as a client does whose
 * answer was lost on the way: that instance must answer with the same case.
 */
final class LoadClient {

	private static final Duration FIRST_BACK_OFF = Duration.ofMillis(250);

	private static final Duration MAX_BACK_OFF = Duration.ofSeconds(2);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<String> intakeUrls;

	LoadClient(String... intakeUrls) {
		this.intakeUrls = List.of(intakeUrls);
	}

	/**
	 * One case as the client saw it.
	 *
	 * @param caseId from the 202, or null when the case was never accepted
	 * @param finalStatus the last HTTP status (0 for a connection error or time-out)
	 * @param anotherCase another instance answered the same key and body with a different case: a duplicate
	 */
	record Submission(String key, boolean crisis, String caseId, int attempts, int finalStatus, Instant acceptedAt,
			boolean anotherCase) {

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
					int first = i;
					pending.add(workers.submit(() -> submit(crisis, first, budget)));
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

	private Submission submit(boolean crisis, int firstInstance, Duration budget) throws InterruptedException {
		String key = UUID.randomUUID().toString();
		// The same words for every case, not the key: the triage engine reads the free text, and its
		// view of disguised spellings once read a random key's "d053" as "dose", which routed the
		// case to psychiatry instead of the mailbox this test expects. The key alone makes each case.
		String concerns = "Fault-injection case.";
		String body = crisis ? FaultStack.crisisIntake("I want to kill myself. " + concerns)
				: FaultStack.routineIntake(concerns);
		Instant deadline = Instant.now().plus(budget);
		Duration backOff = FIRST_BACK_OFF;
		int attempts = 0;
		int status = 0;
		while (Instant.now().isBefore(deadline)) {
			attempts++;
			try {
				HttpResponse<String> response = post(instance(firstInstance + attempts - 1), key, body);
				status = response.statusCode();
				if (status == 202) {
					String caseId = json.readTree(response.body()).get("caseId").asString();
					Instant acceptedAt = Instant.now();
					return new Submission(key, crisis, caseId, attempts, status, acceptedAt,
							!sameCaseElsewhere(instance(firstInstance + attempts), key, body, caseId));
				}
				if (status != 503) {
					// a 4xx or 500 is not something a retry fixes: report it as not accepted
					return new Submission(key, crisis, null, attempts, status, null, false);
				}
			}
			catch (IOException ex) {
				status = 0;
			}
			Thread.sleep(backOff.toMillis());
			backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
		}
		return new Submission(key, crisis, null, attempts, status, null, false);
	}

	/**
	 * The lost-answer retry on another instance. Only a 202 naming a different case counts against
	 * it; a dead or busy instance says nothing about identity.
	 */
	private boolean sameCaseElsewhere(String url, String key, String body, String caseId) {
		if (intakeUrls.size() < 2) {
			return true;
		}
		try {
			HttpResponse<String> response = post(url, key, body);
			return response.statusCode() != 202 || json.readTree(response.body()).get("caseId").asString().equals(caseId);
		}
		catch (IOException ex) {
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private String instance(int index) {
		return intakeUrls.get(index % intakeUrls.size());
	}

	private HttpResponse<String> post(String url, String key, String body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url + "/api/intakes"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
