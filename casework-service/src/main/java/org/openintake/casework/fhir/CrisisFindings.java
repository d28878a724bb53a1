package org.openintake.casework.fhir;

import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.StringType;
import org.openintake.casework.caserecord.CaseRecord;
import org.openintake.events.CaseTriaged;
import org.openintake.events.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Triage's crisis findings as a receiving clinician needs them: one RiskAssessment for the case
 * (status preliminary: a suggestion of software for a clinician to confirm, performed by the
 * triage Device) with one prediction per finding, and one Flag per finding.
 *
 * <p>A Flag is {@code active} exactly when the case page marks the words as current (not negated,
 * not in the past, about the patient): those are what an EHR should put in front of the next
 * person who opens the record. Negated, historical and third-party findings are still exported, as
 * {@code inactive} Flags and as predictions without a risk level, each saying why, so that nothing
 * triage saw is lost and nothing it discounted raises an alert. Hypotheticals and questions stay
 * current, as triage treats them. Each Flag carries its evidence (source field or item, the
 * patient's words, the rule) and points at the RiskAssessment ({@code flag-detail}).
 */
@Component
class CrisisFindings {

	private static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";

	private static final String RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability";

	private static final String FLAG_DETAIL = "http://hl7.org/fhir/StructureDefinition/flag-detail";

	private final FhirNames names;

	CrisisFindings(FhirNames names) {
		this.names = names;
	}

	/** The findings' resources, RiskAssessment first; none for a case without flags that is not a crisis. */
	record Findings(Device triage, RiskAssessment assessment, List<Flag> flags) {
	}

	boolean any(CaseRecord record) {
		return record.crisis() || !record.flags().isEmpty();
	}

	Findings of(CaseRecord record, CaseSubject subject, List<Reference> basis) {
		Device triage = triageDevice(record.rulesetVersion());
		RiskAssessment assessment = new RiskAssessment();
		assessment.setId(FhirNames.id(record.caseId(), "RiskAssessment"));
		assessment.setStatus(RiskAssessment.RiskAssessmentStatus.PRELIMINARY);
		assessment.setSubject(subject.patient());
		assessment.setCode(new CodeableConcept().setText(
				"Crisis screening of the intake: suicide, self-harm, harm to or from others, command hallucinations"));
		assessment.setMethod(new CodeableConcept().setText("OpenIntake triage rules"
				+ (record.rulesetVersion() != null ? ", ruleset " + record.rulesetVersion() : "")));
		assessment.setPerformer(FhirNames.reference(triage.getIdElement().getIdPart(), "OpenIntake triage"));
		if (record.triagedAt() != null) {
			assessment.setOccurrence(CaseBundles.dateTime(record.triagedAt()));
		}
		basis.forEach(reference -> assessment.addBasis(reference.copy()));
		assessment.addNote().setText("Risk level " + (record.riskLevel() != null ? record.riskLevel() : "not set")
				+ (record.crisis() ? ", crisis case" : ", not a crisis case")
				+ ". A suggestion for a clinician to confirm, never a diagnosis.");
		if (record.crisis() && record.flags().stream().noneMatch(CrisisFindings::current)) {
			assessment.addPrediction()
				.setOutcome(new CodeableConcept().setText("Crisis"))
				.setQualitativeRisk(risk(record.riskLevel()))
				.setRationale("Triage marked the case as a crisis without a current finding in the words.");
		}
		List<Flag> flags = new ArrayList<>();
		for (CaseTriaged.Flag finding : record.flags()) {
			RiskAssessment.RiskAssessmentPredictionComponent prediction = assessment.addPrediction()
				.setOutcome(category(finding))
				.setRationale(sentence(finding));
			if (current(finding)) {
				prediction.setQualitativeRisk(risk(record.riskLevel()));
			}
			flags.add(flag(record, subject, finding, assessment, triage));
		}
		return new Findings(triage, assessment, flags);
	}

	private Flag flag(CaseRecord record, CaseSubject subject, CaseTriaged.Flag finding, RiskAssessment assessment,
			Device triage) {
		Flag flag = new Flag();
		flag.setId(FhirNames.id(record.caseId(), "Flag:" + finding.category() + ":" + finding.source() + ":"
				+ finding.start() + "-" + finding.end() + ":" + finding.ruleId()));
		flag.setStatus(current(finding) ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
		flag.addCategory(new CodeableConcept(new Coding(FLAG_CATEGORY, "safety", "Safety")));
		flag.setCode(category(finding).setText(sentence(finding)));
		flag.setSubject(subject.patient());
		if (subject.submitted() != null) {
			flag.setPeriod(new Period().setStartElement(subject.submitted()));
		}
		flag.setAuthor(FhirNames.reference(triage.getIdElement().getIdPart(), "OpenIntake triage"));
		flag.addExtension(FLAG_DETAIL, FhirNames.reference(assessment.getIdElement().getIdPart()));
		flag.addExtension(evidence(finding));
		return flag;
	}

	/** The evidence, structured: where triage found it, the words, the rule, and the context it read. */
	private Extension evidence(CaseTriaged.Flag finding) {
		Extension evidence = new Extension(this.names.evidenceExtension());
		if (finding.source() != null) {
			evidence.addExtension("source", new StringType(finding.source()));
		}
		if (finding.matchedText() != null) {
			evidence.addExtension("matchedText", new StringType(finding.matchedText()));
			evidence.addExtension("start", new IntegerType(finding.start()));
			evidence.addExtension("end", new IntegerType(finding.end()));
		}
		if (finding.language() != null) {
			evidence.addExtension("language", new CodeType(finding.language()));
		}
		if (finding.ruleId() != null) {
			evidence.addExtension("ruleId", new StringType(finding.ruleId()));
		}
		for (String context : contexts(finding)) {
			evidence.addExtension("context", new CodeType(context));
		}
		return evidence;
	}

	private Device triageDevice(String rulesetVersion) {
		Device device = new Device();
		String version = rulesetVersion != null ? rulesetVersion : "unknown";
		device.setId(FhirNames.sharedId("Device:triage:" + version));
		device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
		device.addDeviceName().setName("OpenIntake triage").setType(Device.DeviceNameType.USERFRIENDLYNAME);
		device.addVersion().setValue(version);
		device.addNote()
			.setText("Software that flags crisis language and suggests a risk level and a treatment track "
					+ "for a clinician to confirm; not a diagnosis.");
		return device;
	}

	private CodeableConcept category(CaseTriaged.Flag finding) {
		String code = String.valueOf(finding.category());
		return new CodeableConcept(new Coding(this.names.crisisCategorySystem(), code, readable(code)));
	}

	/** The finding in one sentence, as the case page labels it. */
	static String sentence(CaseTriaged.Flag finding) {
		StringBuilder sentence = new StringBuilder(readable(String.valueOf(finding.category())));
		List<String> contexts = contexts(finding);
		sentence.append(current(finding) ? " (current)" : " (not current: " + String.join(", ", contexts) + ")");
		if (finding.matchedText() != null) {
			sentence.append(": \"").append(finding.matchedText()).append('"');
		}
		if (finding.source() != null) {
			sentence.append(" in ").append(finding.source());
		}
		if (finding.ruleId() != null) {
			sentence.append(", rule ").append(finding.ruleId());
		}
		if (current(finding) && finding.hypothetical()) {
			sentence.append("; hypothetical or a question, which never lowers a flag");
		}
		return sentence.toString();
	}

	/** Current, self-directed and not negated: the case page's rule for what makes a crisis. */
	static boolean current(CaseTriaged.Flag finding) {
		return !finding.negated() && !finding.historical() && !finding.otherExperiencer();
	}

	private static List<String> contexts(CaseTriaged.Flag finding) {
		List<String> contexts = new ArrayList<>();
		if (finding.negated()) {
			contexts.add("negated");
		}
		if (finding.historical()) {
			contexts.add("historical");
		}
		if (finding.hypothetical()) {
			contexts.add("hypothetical");
		}
		if (finding.otherExperiencer()) {
			contexts.add("other-experiencer");
		}
		return contexts;
	}

	/** FHIR's risk-probability scale, with the case's own level beside it ("certain" is never claimed). */
	private CodeableConcept risk(RiskLevel level) {
		if (level == null) {
			return null;
		}
		String probability = switch (level) {
			case NONE -> "negligible";
			case LOW -> "low";
			case MODERATE -> "moderate";
			case HIGH, IMMINENT -> "high";
		};
		return new CodeableConcept(new Coding(RISK_PROBABILITY, probability, readable(probability)))
			.addCoding(new Coding(this.names.riskLevelSystem(), level.name(), readable(level.name())))
			.setText(readable(level.name()));
	}

	private static String readable(String code) {
		String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
