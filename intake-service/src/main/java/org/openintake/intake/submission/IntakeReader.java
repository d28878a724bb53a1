package org.openintake.intake.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.openintake.events.IntakeForm;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

/**
 * Turns a request body into a valid {@link IntakeForm} or refuses it as a whole: 413 over the size
 * limit, 400 when it is not JSON or a value has the wrong JSON type, 422 when a constraint of the
 * form is violated. Error reasons never echo the submitted values (they may be health data).
 */
@Component
class IntakeReader {

	private final JsonMapper json;

	private final Validator validator;

	private final int maxBytes;

	IntakeReader(JsonMapper json, Validator validator, IntakeProperties properties) {
		// Strict on purpose: a questionnaire answer of 2.7 or "3" or true is a client bug, and
		// silently truncating or coercing it could change a score that decides a crisis.
		this.json = json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			// a track given as 1 would otherwise be read as the enum's second constant
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.addModule(new SimpleModule("strict-values").addDeserializer(String.class, new UnicodeTextDeserializer())
				.addDeserializer(LocalDate.class, new IsoDateDeserializer()))
			// "" is not "no answer" either: an empty or blank string for a number, a yes/no, a date or a
			// track would otherwise be read as null, silently dropping what the client meant to send
			.withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
				.setAcceptBlankAsEmpty(false)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
				.setAcceptBlankAsEmpty(false)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
				.setAcceptBlankAsEmpty(false))
			.withCoercionConfig(LogicalType.DateTime, c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
				.setAcceptBlankAsEmpty(false)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
		this.validator = validator;
		this.maxBytes = Math.toIntExact(properties.maxBodySize().toBytes());
	}

	Mono<IntakeForm> read(Flux<DataBuffer> body, long contentLength) {
		if (contentLength > maxBytes) {
			return Mono.error(IntakeRejected.tooLarge(maxBytes));
		}
		return DataBufferUtils.join(body, maxBytes)
			.onErrorMap(DataBufferLimitException.class, e -> IntakeRejected.tooLarge(maxBytes))
			.map(IntakeReader::bytes)
			.defaultIfEmpty(new byte[0])
			.map(this::parse)
			.map(this::validate);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	IntakeForm parse(byte[] body) {
		if (body.length == 0) {
			throw IntakeRejected.badRequest("The request body is empty.",
					new FieldError("body", "must be a JSON object", "syntax"));
		}
		IntakeForm form;
		// our own parser, so that a failure the parser raises without saying where (a number over
		// the length limit, nesting too deep) can still be placed at the field being read
		JsonParser parser = json.createParser(body);
		try (parser) {
			form = json.readValue(parser, IntakeForm.class);
		}
		catch (MismatchedInputException e) {
			String field = path(e);
			throw IntakeRejected.badRequest("A value has the wrong JSON type.",
					new FieldError(field.isEmpty() ? "body" : field, typeReason(e), "type"));
		}
		catch (JacksonException e) {
			String field = syntaxPath(e, parser);
			throw IntakeRejected.badRequest("The request body is not valid JSON.",
					new FieldError(field.isEmpty() ? "body" : field, "is not valid JSON", "syntax"));
		}
		if (form == null) {
			throw IntakeRejected.badRequest("The request body must be a JSON object.",
					new FieldError("body", "must be a JSON object", "type"));
		}
		return form;
	}

	IntakeForm validate(IntakeForm form) {
		Set<ConstraintViolation<IntakeForm>> violations = validator.validate(form);
		List<FieldError> errors = new ArrayList<>();
		for (ConstraintViolation<IntakeForm> violation : violations) {
			errors.add(new FieldError(path(violation.getPropertyPath()), violation.getMessage(),
					violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()));
		}
		if (errors.isEmpty()) {
			return form;
		}
		errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::code));
		throw IntakeRejected.unprocessable("Some answers are missing or out of range.", errors);
	}

	private static String typeReason(MismatchedInputException e) {
		Class<?> target = e.getTargetType();
		if (target == LocalDate.class) {
			return IsoDateDeserializer.REASON;
		}
		if (target == null) {
			return "has the wrong type";
		}
		if (target == Integer.class || target == int.class) {
			return "must be a whole number";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "must be true or false";
		}
		if (target == String.class) {
			return e instanceof InvalidFormatException ? UnicodeTextDeserializer.REASON : "must be a string";
		}
		if (target.isEnum()) {
			return "must be one of " + List.of(target.getEnumConstants());
		}
		if (List.class.isAssignableFrom(target)) {
			return "must be an array";
		}
		return "must be a JSON object";
	}

	/**
	 * Where in the document the parser was when reading broke (the property given twice, the
	 * number too long): the parser's own position, as the exception may have been wrapped on its
	 * way out of a collection and lost the item's index.
	 */
	private static String syntaxPath(JacksonException e, JsonParser parser) {
		StringBuilder path = new StringBuilder();
		for (JsonPointer pointer = parser.streamReadContext().pathAsPointer(); !pointer.matches(); pointer = pointer.tail()) {
			if (pointer.getMatchingIndex() >= 0) {
				path.append('[').append(pointer.getMatchingIndex()).append(']');
			}
			else {
				path.append(path.isEmpty() ? "" : ".").append(pointer.getMatchingProperty());
			}
		}
		return path.isEmpty() ? path(e) : path.toString();
	}

	private static String path(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** {@code questionnaires.phq9[8]}: the JSON path a client can map to its input, without validator-internal node names. */
	private static String path(Path propertyPath) {
		StringBuilder path = new StringBuilder();
		for (Path.Node node : propertyPath) {
			if (node.isInIterable()) {
				path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
			}
			String name = node.getName();
			if (name != null && !name.startsWith("<")) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(name);
			}
		}
		return path.toString();
	}

}
