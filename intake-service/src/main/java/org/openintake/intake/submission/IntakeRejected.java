package org.openintake.intake.submission;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A submission refused as a whole because of what the client sent (4xx); nothing was published. */
class IntakeRejected extends ErrorResponseException {

	private final List<FieldError> errors;

	IntakeRejected(HttpStatus status, String detail, List<FieldError> errors) {
		super(status, problem(status, detail, errors), null);
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return errors;
	}

	static IntakeRejected badRequest(String detail, FieldError error) {
		return new IntakeRejected(HttpStatus.BAD_REQUEST, detail, List.of(error));
	}

	static IntakeRejected unprocessable(String detail, List<FieldError> errors) {
		return new IntakeRejected(HttpStatus.UNPROCESSABLE_CONTENT, detail, errors);
	}

	static IntakeRejected tooLarge(long maxBytes) {
		return new IntakeRejected(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.",
				List.of(new FieldError("body", "must be at most " + maxBytes + " bytes", "size")));
	}

	private static ProblemDetail problem(HttpStatus status, String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://openintake.org/problems/invalid-intake"));
		problem.setTitle("The intake was not accepted");
		problem.setProperty("errors", errors);
		return problem;
	}

}
