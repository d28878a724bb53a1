package org.openintake.triage.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.openintake.events.IntakeSubmitted;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns the bytes of an {@code intake-submissions} record into a valid {@link IntakeSubmitted}, or
 * refuses it as a {@link PoisonRecord}. Checked against the contract's own JSON Schema (from the
 * events module, so writer and reader agree on one definition) and then against the form's bean
 * constraints, which the schema mirrors but cannot fully express (e-mail format, dates in the past).
 */
@Component
class IntakeReader {

	private static final String SCHEMA = "/schemas/intake-submitted.schema.json";

	private static final int MAX_PATHS = 5;

	private final JsonMapper json;

	private final JsonSchema schema;

	private final Validator validator;

	IntakeReader(JsonMapper json, Validator validator) {
		this.json = json.rebuild().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
		this.validator = validator;
		this.schema = loadSchema();
	}

	IntakeSubmitted read(byte[] value) {
		String text = utf8(value);
		JsonNode tree;
		try {
			tree = json.readTree(text);
		}
		catch (JacksonException ex) {
			throw PoisonRecord.notJson();
		}
		if (tree == null || !tree.isObject()) {
			throw PoisonRecord.notJson();
		}
		Set<ValidationMessage> errors = schema.validate(text, InputFormat.JSON);
		if (!errors.isEmpty()) {
			throw PoisonRecord.schema(paths(errors.stream().map(IntakeReader::describe).toList()));
		}
		IntakeSubmitted intake;
		try {
			intake = json.treeToValue(tree, IntakeSubmitted.class);
		}
		catch (JacksonException ex) {
			throw PoisonRecord.schema("does not map to IntakeSubmitted");
		}
		Set<ConstraintViolation<Object>> violations = validator.validate(intake.form());
		if (!violations.isEmpty()) {
			throw PoisonRecord.invalid(paths(violations.stream()
				.map(v -> "form." + v.getPropertyPath() + " "
						+ v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName())
				.toList()));
		}
		return intake;
	}

	private static String utf8(byte[] value) {
		if (value == null || value.length == 0) {
			throw PoisonRecord.notJson();
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw PoisonRecord.notJson();
		}
	}

	// Location and keyword only: the validator's messages can quote the offending value.
	private static String describe(ValidationMessage error) {
		String location = error.getInstanceLocation().toString();
		if (error.getProperty() != null) {
			location = location + "." + error.getProperty();
		}
		return location + " " + error.getType();
	}

	private static String paths(Collection<String> paths) {
		return paths.stream().sorted().distinct().limit(MAX_PATHS).collect(Collectors.joining("; "));
	}

	private static JsonSchema loadSchema() {
		try (InputStream in = IntakeSubmitted.class.getResourceAsStream(SCHEMA)) {
			if (in == null) {
				throw new IllegalStateException("The events module has no " + SCHEMA);
			}
			SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), config);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
