package org.openintake.intake.submission;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Kafka did not acknowledge the submission within the producer's bounds: 503, the client should retry. */
class KafkaUnavailable extends ErrorResponseException {

	KafkaUnavailable(Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The intake could not be stored right now. Nothing was submitted; please try again.");
		problem.setType(URI.create("https://openintake.org/problems/temporarily-unavailable"));
		problem.setTitle("Temporarily unavailable");
		return problem;
	}

}
