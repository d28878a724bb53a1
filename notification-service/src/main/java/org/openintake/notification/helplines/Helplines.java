package org.openintake.notification.helplines;

import java.time.LocalDate;
import java.util.List;

/**
 * The help a patient can reach now, in one language: a country's emergency numbers and helplines,
 * or the international fallback.
 *
 * @param country the country asked for, or {@code null} for the fallback
 * @param fallback no entry for the country: general advice and an international directory
 * @param language the language of the labels (the one asked for, or en)
 * @param lines phone lines; each has a number
 * @param websites help reached only online (an international directory of helplines)
 * @param advice one sentence on when to call the emergency number
 */
public record Helplines(String country, boolean fallback, String language, List<EmergencyNumber> emergency,
		List<Line> lines, List<Website> websites, String advice) {

	public record EmergencyNumber(String number, String label) {
	}

	public record Website(String service, String url, List<String> languages, LocalDate lastVerified) {
	}

	/**
	 * @param hours opening hours, in words
	 * @param cost in words, or {@code null} when not known
	 * @param languages ISO 639-1 codes the line answers in
	 * @param lastVerified the day someone last checked this entry against its source
	 */
	public record Line(String service, String number, List<String> otherNumbers, String hours, String cost,
			List<String> channels, List<String> languages, String audience, String note, String url,
			LocalDate lastVerified) {
	}

}
