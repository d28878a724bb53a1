package org.openintake.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.openintake.events.IntakeForm;
import org.openintake.events.Track;

/**
 * Forms that really route to each track, and really trigger crisis, in each of the five
 * languages: questionnaire answers that meet the routing table's conditions
 * (triage-engine routing-rules.yaml) and free text in the patient's language that uses the
 * lexicons' own topic words. CaseMixTest runs every one through the real triage engine.
 */
final class IntakeTemplates {

	static final List<String> LOCALES = List.of("en", "es", "de", "fr", "it");

	private static final Map<String, String> COUNTRY = Map.of("en", "GB", "es", "ES", "de", "DE", "fr", "FR", "it",
			"IT");

	/** What brings the patient here, per track and language. */
	private static final Map<Track, Map<String, String>> CONCERNS = Map.of(
			Track.GENERAL_ASSESSMENT, Map.of(
					"en", "I am not sure what kind of help I need and would like to talk it through.",
					"es", "No sé muy bien qué tipo de ayuda necesito y me gustaría hablarlo.",
					"de", "Ich weiß nicht genau, welche Hilfe ich brauche, und möchte darüber sprechen.",
					"fr", "Je ne sais pas trop de quelle aide j'ai besoin et j'aimerais en parler.",
					"it", "Non so bene di quale aiuto ho bisogno e vorrei parlarne."),
			Track.MBSR, Map.of(
					"en", "Pressure at work has left me stressed and tense most days.",
					"es", "La presión en el trabajo me tiene estresada casi todos los días.",
					"de", "Der Druck bei der Arbeit hat mich gestresst und angespannt.",
					"fr", "La pression au travail me rend stressée presque tous les jours.",
					"it", "La pressione al lavoro mi rende stressata quasi ogni giorno."),
			Track.CBT, Map.of(
					"en", "Low mood since the winter, and I can't sleep before three in the morning.",
					"es", "Ánimo bajo desde el invierno y no puedo dormir bien.",
					"de", "Seit dem Winter gedrückte Stimmung, und ich kann nicht schlafen.",
					"fr", "Moral bas depuis l'hiver et je n'arrive pas à dormir.",
					"it", "Umore basso dall'inverno e non riesco a dormire."),
			Track.TMS, Map.of(
					"en", "Depression for years; two antidepressants did not help.",
					"es", "Depresión desde hace años; dos antidepresivos no me ayudaron.",
					"de", "Seit Jahren depressiv, zwei Antidepressiva haben nicht geholfen.",
					"fr", "Déprimée depuis des années, deux antidépresseurs n'ont pas aidé.",
					"it", "Depressa da anni, due antidepressivi non hanno aiutato."),
			Track.ADDICTION, Map.of(
					"en", "I drink too much most evenings and want to cut down.",
					"es", "Bebo demasiado casi todas las noches y quiero reducirlo.",
					"de", "Ich trinke zu viel, fast jeden Abend, und will weniger trinken.",
					"fr", "Je bois trop presque tous les soirs et je veux réduire.",
					"it", "Bevo troppo quasi tutte le sere e voglio ridurre."),
			Track.PSYCHIATRY, Map.of(
					"en", "Everything feels heavy and I can barely get out of bed.",
					"es", "Todo me pesa y casi no puedo levantarme de la cama.",
					"de", "Alles fühlt sich schwer an, ich komme kaum aus dem Bett.",
					"fr", "Tout me pèse et j'ai du mal à sortir du lit.",
					"it", "Tutto mi pesa e riesco a malapena ad alzarmi dal letto."),
			Track.NEUROFEEDBACK, Map.of(
					"en", "I can't focus at work and I am easily distracted.",
					"es", "No puedo concentrarme en el trabajo y me distraigo con facilidad.",
					"de", "Ich kann mich nicht konzentrieren und bin schnell abgelenkt.",
					"fr", "Je n'arrive pas à me concentrer au travail.",
					"it", "Non riesco a concentrarmi al lavoro e mi distraggo facilmente."));

	/** Current, self-directed suicidal intent in the patient's own language. */
	private static final Map<String, String> CRISIS_CONCERNS = Map.of(
			"en", "I want to kill myself, I can't go on like this.",
			"es", "Quiero matarme, no puedo seguir así.",
			"de", "Ich will mich umbringen, ich kann so nicht weitermachen.",
			"fr", "Je veux me tuer, je n'en peux plus.",
			"it", "Voglio uccidermi, non ce la faccio più.");

	private static final Map<String, String> GOALS = Map.of(
			"en", "Feel like myself again.",
			"es", "Volver a sentirme yo misma.",
			"de", "Wieder ich selbst sein.",
			"fr", "Redevenir moi-même.",
			"it", "Tornare a sentirmi me stessa.");

	private static final IntakeForm.Cssrs NO_RISK = new IntakeForm.Cssrs(false, false, null, null, null, false, null);

	private static final IntakeForm.TmsSafety CLEAR = new IntakeForm.TmsSafety(false, false, false, false);

	private IntakeTemplates() {
	}

	static IntakeForm routine(Track track, String locale, boolean contactConsent) {
		IntakeForm.Questionnaires q = switch (track) {
			case GENERAL_ASSESSMENT -> questionnaires(List.of(1, 0, 0, 1, 0, 0, 0, 0, 0), List.of(1, 0, 1, 0, 0, 0, 0),
					null, null);
			case MBSR -> questionnaires(List.of(1, 1, 1, 1, 0, 1, 1, 0, 0), List.of(1, 1, 1, 1, 1, 1, 0), null, null);
			case CBT -> questionnaires(List.of(2, 2, 1, 2, 1, 1, 2, 1, 0), List.of(2, 2, 2, 1, 1, 2, 1), null, null);
			case TMS -> questionnaires(List.of(2, 2, 2, 2, 1, 2, 2, 1, 0), List.of(1, 1, 2, 1, 0, 1, 1), null, null);
			case ADDICTION -> questionnaires(List.of(1, 1, 1, 1, 1, 1, 1, 0, 0), List.of(1, 1, 1, 1, 0, 1, 0),
					List.of(3, 2, 1), null);
			case PSYCHIATRY -> questionnaires(List.of(3, 3, 3, 3, 3, 3, 3, 0, 0), List.of(2, 2, 2, 2, 1, 2, 1), null,
					null);
			case NEUROFEEDBACK -> questionnaires(List.of(1, 0, 1, 1, 0, 0, 0, 0, 0), List.of(1, 0, 1, 1, 0, 0, 0), null,
					List.of(3, 3, 2, 3, 4, 3));
		};
		IntakeForm.Treatment treatment = switch (track) {
			case TMS -> new IntakeForm.Treatment(List.of(Track.TMS), 2, List.of("CBT"), CLEAR);
			case NEUROFEEDBACK -> new IntakeForm.Treatment(List.of(Track.NEUROFEEDBACK), 0, List.of(), null);
			case MBSR -> new IntakeForm.Treatment(List.of(Track.MBSR), 0, List.of(), null);
			default -> new IntakeForm.Treatment(List.of(), 0, List.of(), null);
		};
		return new IntakeForm(locale, COUNTRY.get(locale), patient(locale, "Ada Lovelace", "ada"),
				new IntakeForm.Consent(true, contactConsent), q,
				new IntakeForm.Answers(CONCERNS.get(track).get(locale), null, GOALS.get(locale)), treatment);
	}

	/** Suicidal intent in the free text, backed by PHQ-9 item 9 and the C-SSRS screener. */
	static IntakeForm crisis(String locale) {
		IntakeForm.Questionnaires q = new IntakeForm.Questionnaires(List.of(3, 3, 2, 3, 2, 3, 2, 2, 2),
				List.of(2, 2, 2, 2, 1, 2, 2), new IntakeForm.Cssrs(true, true, false, false, false, false, null), null,
				null, null, null);
		return new IntakeForm(locale, COUNTRY.get(locale), patient(locale, "Grace Hopper", "grace"),
				new IntakeForm.Consent(true, true), q,
				new IntakeForm.Answers(CRISIS_CONCERNS.get(locale), null, null), null);
	}

	private static IntakeForm.Questionnaires questionnaires(List<Integer> phq9, List<Integer> gad7, List<Integer> auditC,
			List<Integer> asrsA) {
		return new IntakeForm.Questionnaires(phq9, gad7, NO_RISK, auditC, null, null, asrsA);
	}

	private static IntakeForm.Patient patient(String locale, String name, String mailbox) {
		return new IntakeForm.Patient(name, mailbox + "." + locale + "@example.org", "+44 20 7946 0000",
				LocalDate.of(1990, 1, 31), "female", "phone");
	}

}
