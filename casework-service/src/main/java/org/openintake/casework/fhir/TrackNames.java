package org.openintake.casework.fhir;

import org.openintake.events.Track;

/** What each track is called where a person reads it: a code's display, a ServiceRequest's text. */
final class TrackNames {

	private TrackNames() {
	}

	static String display(Track track) {
		return switch (track) {
			case TMS -> "Transcranial magnetic stimulation (TMS)";
			case CBT -> "Cognitive behavioural therapy (CBT)";
			case MBSR -> "Mindfulness-based stress reduction (MBSR)";
			case NEUROFEEDBACK -> "Neurofeedback";
			case ADDICTION -> "Addiction treatment";
			case PSYCHIATRY -> "Psychiatry (psychiatric and medication care)";
			case GENERAL_ASSESSMENT -> "General assessment";
		};
	}

}
