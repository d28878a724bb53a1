package org.openintake.intake.submission;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The client's address sent more submissions than {@code intake.rate-limit} allows: 429, nothing published. */
class SubmissionRateLimited extends ErrorResponseException {

	SubmissionRateLimited(Duration wait) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(), null);
		// whole seconds, rounded up: retrying at the announced time must succeed
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many submissions from this network in a short time. Nothing was submitted; please try again shortly.");
		problem.setType(URI.create("https://openintake.org/problems/rate-limited"));
		problem.setTitle("Too many submissions");
		return problem;
	}

}
