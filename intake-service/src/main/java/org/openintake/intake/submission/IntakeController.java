package org.openintake.intake.submission;

import java.util.regex.Pattern;

import org.openintake.intake.submission.SubmissionMetrics.Outcome;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/intakes}: 202 with a receipt only after Kafka acknowledged the case. */
@RestController
class IntakeController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** 1-200 printable ASCII characters: enough for a UUID or a client's own scheme, nothing to smuggle. */
	private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");

	private final IntakeReader reader;

	private final IntakeSubmissions submissions;

	private final SubmissionMetrics metrics;

	private final SubmissionRateLimiter rateLimiter;

	IntakeController(IntakeReader reader, IntakeSubmissions submissions, SubmissionMetrics metrics,
			SubmissionRateLimiter rateLimiter) {
		this.reader = reader;
		this.submissions = submissions;
		this.metrics = metrics;
		this.rateLimiter = rateLimiter;
	}

	@PostMapping(path = "/api/intakes", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Receipt>> submit(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			ServerHttpRequest request) {
		return Mono.defer(() -> {
			// before anything is read: a flood should cost as little as possible
			rateLimiter.acquire(request.getRemoteAddress());
			if (idempotencyKey != null && !VALID_KEY.matcher(idempotencyKey).matches()) {
				return Mono.error(IntakeRejected.badRequest("The Idempotency-Key header is not valid.",
						new FieldError(IDEMPOTENCY_KEY, "must be 1 to 200 printable ASCII characters", "Pattern")));
			}
			return reader.read(request.getBody(), request.getHeaders().getContentLength())
				.flatMap(form -> submissions.submit(form, idempotencyKey));
		})
			.doOnNext(submitted -> metrics.count(submitted.outcome()))
			.doOnError(IntakeRejected.class, e -> metrics.count(Outcome.INVALID))
			.doOnError(KafkaUnavailable.class, e -> metrics.count(Outcome.UNAVAILABLE))
			.doOnError(SubmissionRateLimited.class, e -> metrics.count(Outcome.RATE_LIMITED))
			.map(submitted -> ResponseEntity.accepted().body(submitted.receipt()));
	}

}
