package org.openintake.localstack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff mailboxes (every {@code @clinic.local} address) read through GreenMail's REST API:
 * which mailboxes hold an email about which case.
 *
 * <p>The escalation address is left out on purpose: when on-call cannot be reached the service
 * writes to it in addition, by design, so a second email there is not a duplicate.
 */
final class StaffMail {

	private static final String STAFF_DOMAIN = "@clinic.local";

	private static final String ESCALATION = "crisis-escalation@clinic.local";

	private static final Pattern UUID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String apiUrl;

	StaffMail(String apiUrl) {
		this.apiUrl = apiUrl;
	}

	/**
	 * For each of {@code caseIds} that any staff email mentions: the mailbox of every such email
	 * (one entry per email, so a mailbox twice means two emails).
	 */
	Map<String, List<String>> mailboxesByCase(Set<String> caseIds) {
		Map<String, List<String>> found = new HashMap<>();
		for (JsonNode user : get("/api/user")) {
			String mailbox = user.get("email").asString();
			if (!mailbox.endsWith(STAFF_DOMAIN) || mailbox.equals(ESCALATION)) {
				continue;
			}
			for (JsonNode message : get("/api/user/" + mailbox + "/messages")) {
				for (String caseId : caseIdsIn(message.get("mimeMessage").asString())) {
					if (caseIds.contains(caseId)) {
						found.computeIfAbsent(caseId, id -> new java.util.ArrayList<>()).add(mailbox);
					}
				}
			}
		}
		return found;
	}

	/** Every case id one email mentions (quoted-printable soft line breaks undone first). */
	private static Set<String> caseIdsIn(String mime) {
		Matcher matcher = UUID.matcher(mime.replace("=\r\n", "").replace("=\n", "").toLowerCase());
		Set<String> ids = new HashSet<>();
		while (matcher.find()) {
			ids.add(matcher.group());
		}
		return ids;
	}

	private JsonNode get(String path) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(Duration.ofSeconds(20)).build(),
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

}
