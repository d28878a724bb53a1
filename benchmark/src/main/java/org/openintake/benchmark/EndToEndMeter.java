package org.openintake.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Submission to staff email accepted by SMTP, as notification-service measures it per case: the
 * {@code notification.end_to_end.latency} timer (tag {@code lane}: crisis or routine), from the
 * event's {@code submittedAt} (stamped by intake-service when it accepts the form) to the moment
 * SMTP accepted the staff email. GreenMail's REST API gives no receipt time per message (only a
 * {@code Received:} header to the second), so this is the SMTP-accepted time we can get per case.
 */
final class EndToEndMeter {

	static final String METRIC = "notification_end_to_end_latency_seconds";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI prometheus;

	EndToEndMeter(String prometheusUrl) {
		this.prometheus = URI.create(prometheusUrl);
	}

	/** Both lanes now. */
	Snapshot snapshot() {
		String exposition = scrape();
		return new Snapshot(PrometheusHistogram.parse(exposition, METRIC, "lane", "crisis"),
				PrometheusHistogram.parse(exposition, METRIC, "lane", "routine"));
	}

	/**
	 * Waits until {@code crisis} more crisis and {@code routine} more routine staff emails than in
	 * {@code before} have gone out, or {@code timeout} passed; returns the snapshot it stopped at.
	 */
	Snapshot awaitEmails(Snapshot before, long crisis, long routine, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			Snapshot now = snapshot();
			Snapshot delta = now.minus(before);
			if ((delta.crisis().count() >= crisis && delta.routine().count() >= routine) || Instant.now().isAfter(deadline)) {
				return now;
			}
			StackUnderTest.sleep(Duration.ofMillis(250));
		}
	}

	private String scrape() {
		try {
			return http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Snapshot(PrometheusHistogram crisis, PrometheusHistogram routine) {

		Snapshot minus(Snapshot earlier) {
			return new Snapshot(crisis.minus(earlier.crisis), routine.minus(earlier.routine));
		}

		long emails() {
			return crisis.count() + routine.count();
		}

	}

}
