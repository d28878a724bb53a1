package org.openintake.notification.helplines;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The shape of {@code helplines/helplines.json}; texts are maps from language to text. */
@JsonIgnoreProperties(ignoreUnknown = true)
record DirectoryFile(Map<String, Entry> countries, Entry fallback) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entry(List<Emergency> emergency, List<LineEntry> lines, List<WebsiteEntry> websites) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record WebsiteEntry(Map<String, String> service, String url, List<String> languages, LocalDate lastVerified) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Emergency(String number, Map<String, String> label) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LineEntry(Map<String, String> service, String number, List<String> otherNumbers, String hours,
			String cost, List<String> channels, List<String> languages, String audience, Map<String, String> note,
			String url, LocalDate lastVerified) {
	}

}
