package org.openintake.intake.submission;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Every error of the API as RFC 9457 problem+json. Our own refusals ({@link IntakeRejected},
 * {@link KafkaUnavailable}) already carry their problem; this adds the {@code errors} array to
 * the framework's 415.
 */
@RestControllerAdvice
class IntakeProblemHandler extends ResponseEntityExceptionHandler {

	private final SubmissionMetrics metrics;

	IntakeProblemHandler(SubmissionMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleUnsupportedMediaTypeStatusException(
			UnsupportedMediaTypeStatusException ex, HttpHeaders headers, HttpStatusCode status,
			ServerWebExchange exchange) {
		metrics.count(SubmissionMetrics.Outcome.INVALID);
		ex.getBody().setDetail("The request body must be JSON (Content-Type: application/json).");
		ex.getBody().setProperty("errors",
				List.of(new FieldError("Content-Type", "must be application/json", "mediaType")));
		return super.handleUnsupportedMediaTypeStatusException(ex, headers, status, exchange);
	}

}
