package org.openintake.localstack;

import java.util.UUID;

/** Intake bodies as the design's public interface defines them, for tests that drive the API. */
final class Intakes {

	private Intakes() {
	}

	/** Moderate depression with an interest in CBT: routed to the CBT mailbox, no crisis. */
	static String routine() {
		return routine("Low mood and poor sleep since the winter.");
	}

	static String routine(String concerns) {
		return """
				{"locale": "en", "country": "GB",
				 "patient": {"name": "Ada Lovelace", "email": "ada@example.org", "phone": "+44 20 7946 0000",
				             "dateOfBirth": "1990-01-31", "sex": "female", "preferredContact": "phone"},
				 "consent": {"processing": true, "contact": false},
				 "questionnaires": {"phq9": [2,2,1,2,1,1,2,1,0], "gad7": [1,1,2,1,0,1,1],
				   "cssrs": {"wishDead": false, "suicidalThoughts": false, "behavior": false}},
				 "answers": {"concerns": "%s", "history": "None.", "goals": "Feel like myself again."},
				 "treatment": {"interests": ["CBT"], "antidepressantTrials": 0, "tried": []}}
				""".formatted(concerns);
	}

	/** Suicidal intent in the free text and PHQ-9 item 9: the on-call mailbox. */
	static String crisis() {
		return crisis("I want to kill myself. " + UUID.randomUUID());
	}

	static String crisis(String concerns) {
		return """
				{"locale": "en", "country": "GB",
				 "patient": {"name": "Grace Hopper", "email": "grace@example.org", "phone": "+44 20 7946 0001",
				             "sex": "female", "preferredContact": "phone"},
				 "consent": {"processing": true, "contact": true},
				 "questionnaires": {"phq9": [3,3,2,3,2,3,2,2,2], "gad7": [2,2,2,2,1,2,2],
				   "cssrs": {"wishDead": true, "suicidalThoughts": true, "method": false, "intent": false,
				             "plan": false, "behavior": false}},
				 "answers": {"concerns": "%s", "history": null, "goals": null}}
				""".formatted(concerns);
	}

}
