package org.openintake.casework.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * HAPI's R4 JSON encoding, kept inside this package: the rest of the service, and its Jackson 3
 * mapper, never see a FHIR type. The context is built once (it scans the model, which is slow) and
 * is thread-safe; parsers are cheap and are not, so each call gets its own.
 */
@Component
class FhirJson {

	static final String MEDIA_TYPE = "application/fhir+json";

	static final String NDJSON_MEDIA_TYPE = "application/fhir+ndjson";

	private final FhirContext context = FhirContext.forR4();

	/** The Bundle as one line of JSON (no pretty printing: a line of ndjson must not break). */
	String encode(Bundle bundle) {
		return parser().encodeResourceToString(bundle);
	}

	private IParser parser() {
		return this.context.newJsonParser().setPrettyPrint(false);
	}

}
