package org.openintake.events;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a patient submits: the body of {@code POST /api/intakes} and the heart of
 * {@link IntakeSubmitted}. The constraints are part of the contract (mirrored in
 * {@code schemas/intake-submitted.schema.json}); answers must be complete and in range or the
 * whole form is refused.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntakeForm(
		@NotNull @Pattern(regexp = "en|es|de|fr|it", message = "must be one of en, es, de, fr, it") String locale,
		@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as GB") String country,
		@NotNull @Valid Patient patient,
		@NotNull @Valid Consent consent,
		@NotNull @Valid Questionnaires questionnaires,
		@Valid Answers answers,
		@Valid Treatment treatment) {

	/** Longest accepted free-text answer, in characters. */
	public static final int MAX_TEXT = 4000;

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Patient(
			@NotBlank @HasText @Size(max = 200) String name,
			@Email @Size(max = 254) String email,
			@Pattern(regexp = "\\+?[0-9 ()./-]{3,40}", message = "must be a phone number") String phone,
			@Past LocalDate dateOfBirth,
			@Pattern(regexp = "female|male|other|undisclosed", message = "must be one of female, male, other, undisclosed") String sex,
			@Pattern(regexp = "phone|email", message = "must be phone or email") String preferredContact) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Consent(
			@AssertTrue(message = "consent to processing is required to submit the form") boolean processing,
			boolean contact) {
	}

	/**
	 * Item answers as the instruments define them: PHQ-9 and GAD-7 items 0-3, AUDIT-C items 0-4,
	 * DAST-10 and PC-PTSD-5 items 0 (no) or 1 (yes), ASRS part A items 0 (never) to 4 (very often).
	 * PHQ-9, GAD-7 and the C-SSRS screener are always asked; the others may be null.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Questionnaires(
			@NotNull @Size(min = 9, max = 9) List<@NotNull @Min(0) @Max(3) Integer> phq9,
			@NotNull @Size(min = 7, max = 7) List<@NotNull @Min(0) @Max(3) Integer> gad7,
			@NotNull @Valid Cssrs cssrs,
			@Size(min = 3, max = 3) List<@NotNull @Min(0) @Max(4) Integer> auditC,
			@Size(min = 10, max = 10) List<@NotNull @Min(0) @Max(1) Integer> dast10,
			@Size(min = 5, max = 5) List<@NotNull @Min(0) @Max(1) Integer> pcPtsd5,
			@Size(min = 6, max = 6) List<@NotNull @Min(0) @Max(4) Integer> asrsA) {
	}

	/**
	 * The C-SSRS screener. Q1 wishDead and Q2 suicidalThoughts are always asked; Q3-Q5 (method,
	 * intent, plan) only after a yes to Q2, so they may be null; Q6 behavior always, with its
	 * within-three-months follow-up after a yes.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Cssrs(
			@NotNull Boolean wishDead,
			@NotNull Boolean suicidalThoughts,
			Boolean method,
			Boolean intent,
			Boolean plan,
			@NotNull Boolean behavior,
			Boolean behaviorWithin3Months) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Answers(
			@Size(max = MAX_TEXT) String concerns,
			@Size(max = MAX_TEXT) String history,
			@Size(max = MAX_TEXT) String goals) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Treatment(
			@Size(max = 10) List<@NotNull Track> interests,
			@Min(0) @Max(30) Integer antidepressantTrials,
			@Size(max = 20) List<@NotBlank @HasText @Size(max = 100) String> tried,
			@Valid TmsSafety tmsSafety) {
	}

	/** The TMS safety screen: any true answer makes TMS contraindicated until a clinician clears it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TmsSafety(Boolean metalInHead, Boolean implantedDevice, Boolean seizures, Boolean pregnant) {
	}

}
