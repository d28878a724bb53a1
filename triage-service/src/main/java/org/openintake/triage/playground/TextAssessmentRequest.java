package org.openintake.triage.playground;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openintake.events.IntakeForm;

/** One statement to try against the crisis rules, in the locale the patient would have chosen. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TextAssessmentRequest(
		@NotBlank @Size(max = IntakeForm.MAX_TEXT) String text,
		@NotNull @Pattern(regexp = "en|es|de|fr|it", message = "must be one of en, es, de, fr, it") String locale) {
}
