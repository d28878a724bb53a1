package org.openintake.triage.playground;

import jakarta.validation.Validator;
import org.openintake.triage.engine.Assessment;
import org.openintake.triage.engine.TriageEngine;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/triage/assessments}: the clinical safety officer's playground. Shows what the
 * rules make of a statement or a whole form (flags with the matched phrase and rule, scores, track,
 * rationale) and stores or publishes nothing. Off unless {@code triage.playground.enabled=true},
 * and then the path does not exist at all (404), because the answers quote what was typed.
 */
@RestController
@ConditionalOnBooleanProperty("triage.playground.enabled")
class AssessmentPlaygroundController {

	/** Big enough for a whole form with every free-text answer at its limit. */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private final TriageEngine engine;

	private final PlaygroundRequestReader reader;

	AssessmentPlaygroundController(TriageEngine engine, JsonMapper json, Validator validator) {
		this.engine = engine;
		this.reader = new PlaygroundRequestReader(json, validator);
	}

	@PostMapping(path = "/api/triage/assessments", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Assessment> assess(ServerHttpRequest request) {
		if (request.getHeaders().getContentLength() > MAX_BODY_BYTES) {
			return Mono.error(PlaygroundRejected.tooLarge(MAX_BODY_BYTES));
		}
		return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
			.onErrorMap(DataBufferLimitException.class, ex -> PlaygroundRejected.tooLarge(MAX_BODY_BYTES))
			.map(AssessmentPlaygroundController::bytes)
			.defaultIfEmpty(new byte[0])
			.map(reader::read)
			.map(this::assess);
	}

	private Assessment assess(PlaygroundRequestReader.PlaygroundRequest request) {
		return request.form() != null ? engine.assess(request.form())
				: engine.assessText(request.text().text(), request.text().locale());
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

}
