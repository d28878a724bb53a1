package org.openintake.intake.submission;

import tools.jackson.databind.node.ObjectNode;

/**
 * A string that cannot occur in a log line by chance, put in the name, the email and every
 * free-text field of a form: if it shows up in a log or a scrape, health data leaked.
 */
final class Canary {

	static final String TEXT = "Quokkacanary7319";

	private Canary() {
	}

	/** The valid test form with the canary in every field that holds what the patient wrote. */
	static ObjectNode form() throws Exception {
		ObjectNode body = IntakeApiTest.validBody();
		ObjectNode patient = (ObjectNode) body.get("patient");
		patient.put("name", "Ada " + TEXT);
		patient.put("email", TEXT.toLowerCase() + "@example.org");
		ObjectNode answers = (ObjectNode) body.get("answers");
		answers.put("concerns", "I feel low " + TEXT);
		answers.put("history", "since 2019 " + TEXT);
		answers.put("goals", "sleep again " + TEXT);
		((ObjectNode) body.get("treatment")).putArray("tried").add("CBT " + TEXT);
		return body;
	}

}
