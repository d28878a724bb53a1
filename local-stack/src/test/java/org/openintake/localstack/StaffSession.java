package org.openintake.localstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member signed in to casework-service over plain HTTP (cookies, redirects, the login
 * form's and each page's CSRF token), for tests that act on cases without a browser.
 */
final class StaffSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	private static final Pattern VERSION = Pattern.compile("name=\"version\"[^>]*value=\"(\\d+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String casework;

	private String lastPage = "";

	private StaffSession(String casework) {
		this.casework = casework;
	}

	/** Opens the inbox, signs in at the provider's login form, and comes back signed in. */
	static StaffSession signIn(LocalStack stack, String username) {
		StaffSession session = new StaffSession(stack.casework().url());
		HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(session.casework + "/staff/cases")).GET());
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", stack.staff().account(username).password());
		form.put("_csrf", csrf(login.body()));
		HttpResponse<String> inbox = session.send(HttpRequest.newBuilder(login.uri().resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))));
		if (!inbox.uri().toString().startsWith(session.casework)) {
			throw new IllegalStateException("sign-in as " + username + " ended at " + inbox.uri());
		}
		return session;
	}

	/** A casework page; its forms' CSRF token and case version are kept for {@link #act}. */
	HttpResponse<String> open(String path) {
		return send(HttpRequest.newBuilder(URI.create(casework + path)).GET());
	}

	/** Posts one of the case page's forms, e.g. {@code act(caseId, "notes", Map.of("note", "..."))}, after opening the case. */
	HttpResponse<String> act(String caseId, String action, Map<String, String> fields) {
		open("/staff/cases/" + caseId);
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf(lastPage));
		Matcher version = VERSION.matcher(lastPage);
		if (version.find()) {
			form.putIfAbsent("version", version.group(1));
		}
		return send(HttpRequest.newBuilder(URI.create(casework + "/staff/cases/" + caseId + "/" + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request
				.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			lastPage = response.body();
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String csrf(String page) {
		Matcher token = CSRF.matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return token.group(1) != null ? token.group(1) : token.group(2);
	}

	private static String encode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
