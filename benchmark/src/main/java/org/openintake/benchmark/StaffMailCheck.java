package org.openintake.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks, through GreenMail's REST API, that the cases a scenario sent really arrived: one staff
 * email each, in the mailbox its track (or on-call, for a crisis) says. Latency figures mean
 * nothing if cases were lost or misrouted on the way. Staff subjects carry the case reference.
 */
final class StaffMailCheck {

	private static final Pattern REFERENCE = Pattern.compile("OpenIntake case ([0-9a-fA-F-]{36})");

	private static final String ESCALATION = "crisis-escalation@clinic.local";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String apiUrl;

	StaffMailCheck(String apiUrl) {
		this.apiUrl = apiUrl;
	}

	Delivery check(List<OpenLoadGenerator.AcceptedCase> cases) {
		Map<String, List<String>> mailboxesByCase = new HashMap<>();
		for (JsonNode user : get("/api/user")) {
			String mailbox = user.get("email").asString();
			if (!mailbox.endsWith("@clinic.local") || mailbox.equals(ESCALATION)) {
				continue;
			}
			for (JsonNode message : get("/api/user/" + mailbox + "/messages")) {
				Matcher reference = REFERENCE.matcher(message.path("subject").asString(""));
				if (reference.find()) {
					mailboxesByCase.computeIfAbsent(reference.group(1).toLowerCase(), id -> new ArrayList<>()).add(mailbox);
				}
			}
		}
		long right = 0;
		long wrong = 0;
		long missing = 0;
		long duplicated = 0;
		long crisis = 0;
		long crisisOnCall = 0;
		for (OpenLoadGenerator.AcceptedCase accepted : cases) {
			if (accepted.planned().crisis()) {
				crisis++;
				List<String> found = mailboxesByCase.getOrDefault(accepted.caseId().toLowerCase(), List.of());
				crisisOnCall += found.equals(List.of(accepted.planned().staffMailbox())) ? 1 : 0;
			}
			List<String> mailboxes = mailboxesByCase.getOrDefault(accepted.caseId().toLowerCase(), List.of());
			if (mailboxes.isEmpty()) {
				missing++;
			}
			else if (mailboxes.size() > 1) {
				duplicated++;
			}
			else if (mailboxes.get(0).equals(accepted.planned().staffMailbox())) {
				right++;
			}
			else {
				wrong++;
			}
		}
		return new Delivery(cases.size(), right, wrong, missing, duplicated, crisis, crisisOnCall);
	}

	private JsonNode get(String path) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 ? json.readTree(response.body()) : json.createArrayNode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param rightMailbox exactly one staff email, in the mailbox the case's track or crisis flag names
	 */
	record Delivery(long cases, long rightMailbox, long wrongMailbox, long missing, long duplicated, long crisis,
			long crisisOnCall) {

		String summary() {
			return ("%d of %d cases emailed once to the expected staff mailbox (wrong mailbox %d, not (yet) emailed %d,"
					+ " duplicated %d); crisis cases: %d of %d once in the on-call mailbox").formatted(rightMailbox, cases,
							wrongMailbox, missing, duplicated, crisisOnCall, crisis);
		}

	}

}
