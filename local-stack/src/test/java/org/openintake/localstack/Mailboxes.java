package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The stack's mailboxes read the way a newcomer reads them: through GreenMail's REST API
 * ({@code GET /api/user/<mailbox>/messages}).
 */
public final class Mailboxes {

	/**
	 * Generous: after a broker or service restart in an earlier test, consumers first have to
	 * rejoin their group before the next email can go out.
	 */
	static final Duration EMAIL_TIMEOUT = Duration.ofSeconds(90);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String apiUrl;

	Mailboxes(LocalStack stack) {
		this(stack.mail().apiUrl());
	}

	/** For the fault-injection suite, which reaches its own stack through {@link FaultStack}. */
	public Mailboxes(String apiUrl) {
		this.apiUrl = apiUrl;
	}

	/** Waits for the message about {@code caseId} in a mailbox. */
	JsonNode awaitMessageAbout(String mailbox, String caseId) {
		AtomicReference<JsonNode> found = new AtomicReference<>();
		await("an email about case " + caseId + " in " + mailbox).atMost(EMAIL_TIMEOUT)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				for (JsonNode message : messages(mailbox)) {
					if (message.get("mimeMessage").asString().contains(caseId)) {
						found.set(message);
						return true;
					}
				}
				return false;
			});
		return found.get();
	}

	/** Every message about {@code caseId}, in every mailbox. */
	List<JsonNode> allAbout(String caseId) {
		List<JsonNode> about = new ArrayList<>();
		for (JsonNode user : get("/api/user")) {
			for (JsonNode message : messages(user.get("email").asString())) {
				if (message.get("mimeMessage").asString().contains(caseId)) {
					about.add(message);
				}
			}
		}
		return about;
	}

	/** Every mailbox GreenMail has received mail for. */
	public List<String> mailboxes() {
		List<String> mailboxes = new ArrayList<>();
		get("/api/user").forEach(user -> mailboxes.add(user.get("email").asString()));
		return mailboxes;
	}

	public List<JsonNode> messages(String mailbox) {
		List<JsonNode> messages = new ArrayList<>();
		get("/api/user/" + mailbox + "/messages").forEach(messages::add);
		return messages;
	}

	/** Waits until earlier tests' mail (patient acknowledgements, say) has stopped arriving. */
	int settledTotal() {
		int[] last = { -1 };
		await("the mail count to settle").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			int now = total();
			boolean settled = now == last[0];
			last[0] = now;
			return settled;
		});
		return last[0];
	}

	int total() {
		int total = 0;
		for (JsonNode user : get("/api/user")) {
			total += messages(user.get("email").asString()).size();
		}
		return total;
	}

	/** The JSON at {@code path}, or an empty array where GreenMail knows no such mailbox yet. */
	private JsonNode get(String path) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(Duration.ofSeconds(10)).build(),
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
