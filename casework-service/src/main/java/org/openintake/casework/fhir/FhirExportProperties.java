package org.openintake.casework.fhir;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The FHIR export's settings, under {@code casework.fhir.*}.
 *
 * @param namespace the base of every identifier system, code system, extension and Questionnaire
 * URL this service coins (canonical URLs are names, not addresses: they need not resolve); a
 * clinic that wants its own keeps it stable once Bundles have left, since receivers match on it
 * @param maxRangeDays the longest date range one download may ask for
 * @param maxCasesPerDownload the most cases one download may hold: a range with more is refused
 * with a 400 asking for a shorter one, never silently cut short
 */
@ConfigurationProperties("casework.fhir")
record FhirExportProperties(
		@DefaultValue("https://openintake.org/fhir") URI namespace,
		@DefaultValue("92") int maxRangeDays,
		@DefaultValue("2000") int maxCasesPerDownload) {

	FhirExportProperties {
		String base = namespace.toString();
		if (!namespace.isAbsolute() || base.endsWith("/")) {
			throw new IllegalArgumentException("casework.fhir.namespace must be an absolute URL without a trailing slash");
		}
		if (maxRangeDays < 1 || maxCasesPerDownload < 1) {
			throw new IllegalArgumentException("casework.fhir.max-range-days and max-cases-per-download must be positive");
		}
	}

}
