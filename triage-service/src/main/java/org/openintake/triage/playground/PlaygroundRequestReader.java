package org.openintake.triage.playground;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.openintake.events.IntakeForm;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a playground body: either a single statement ({@code {"text", "locale"}}) or a whole intake
 * form, told apart by whether it carries the form's parts. Refusals name the field and the rule,
 * never the value.
 */
class PlaygroundRequestReader {

	/** Parsed request: exactly one of the two is set. */
	record PlaygroundRequest(TextAssessmentRequest text, IntakeForm form) {
	}

	private final JsonMapper json;

	private final Validator validator;

	PlaygroundRequestReader(JsonMapper json, Validator validator) {
		this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
		this.validator = validator;
	}

	PlaygroundRequest read(byte[] body) {
		JsonNode tree;
		try {
			tree = body.length == 0 ? null : json.readTree(body);
		}
		catch (JacksonException ex) {
			throw PlaygroundRejected.badRequest("The request body is not valid JSON.",
					new FieldError("body", "is not valid JSON"));
		}
		if (tree == null || !tree.isObject()) {
			throw PlaygroundRejected.badRequest("The request body must be a JSON object.",
					new FieldError("body", "must be a JSON object"));
		}
		boolean isForm = tree.has("questionnaires") || tree.has("patient");
		if (isForm) {
			return new PlaygroundRequest(null, validate(convert(tree, IntakeForm.class), ""));
		}
		return new PlaygroundRequest(validate(convert(tree, TextAssessmentRequest.class), ""), null);
	}

	private <T> T convert(JsonNode tree, Class<T> type) {
		try {
			return json.treeToValue(tree, type);
		}
		catch (JacksonException ex) {
			String field = ex.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse("body");
			throw PlaygroundRejected.badRequest("A value has the wrong JSON type.",
					new FieldError(field, "has the wrong type"));
		}
	}

	private <T> T validate(T request, String prefix) {
		Set<ConstraintViolation<T>> violations = validator.validate(request);
		if (violations.isEmpty()) {
			return request;
		}
		List<FieldError> errors = violations.stream()
			.map(v -> new FieldError(prefix + v.getPropertyPath(), v.getMessage()))
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason))
			.toList();
		throw PlaygroundRejected.unprocessable("Some fields are missing or out of range.", errors);
	}

}
