package org.openintake.triage.playground;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused playground request, answered as RFC 9457 problem+json naming each bad field. */
final class PlaygroundRejected extends ErrorResponseException {

	private PlaygroundRejected(HttpStatus status, String detail, List<FieldError> errors) {
		super(status, problem(status, detail, errors), null);
	}

	static PlaygroundRejected badRequest(String detail, FieldError error) {
		return new PlaygroundRejected(HttpStatus.BAD_REQUEST, detail, List.of(error));
	}

	static PlaygroundRejected unprocessable(String detail, List<FieldError> errors) {
		return new PlaygroundRejected(HttpStatus.UNPROCESSABLE_CONTENT, detail, errors);
	}

	static PlaygroundRejected tooLarge(int maxBytes) {
		return new PlaygroundRejected(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + maxBytes
				+ " bytes.", List.of(new FieldError("body", "must be at most " + maxBytes + " bytes")));
	}

	private static ProblemDetail problem(HttpStatus status, String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("errors", errors);
		return problem;
	}

}
