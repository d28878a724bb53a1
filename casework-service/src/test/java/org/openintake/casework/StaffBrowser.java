package org.openintake.casework;

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
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A staff member's browser without the browser: an HTTP client with its own cookies that follows
 * redirects, signs in at the real identity provider's login form, and sends the case page's forms
 * with their CSRF token, as a person would.
 */
final class StaffBrowser {

	private final HttpClient http;

	private final String base;

	private Page last;

	StaffBrowser(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** A page as it arrived. */
	record Page(int status, URI uri, String body, java.net.http.HttpHeaders headers) {

		/** The first value of a response header, or null. */
		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		Document document() {
			return Jsoup.parse(this.body, this.uri.toString());
		}

		String text() {
			return document().text();
		}

	}

	/** Opens a page of casework (or a full URL); where sign-in is needed, lands on the provider's login form. */
	Page open(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
	}

	/** Opens a page, signs in as {@code username} at the provider, and returns the page it comes back to. */
	Page signIn(String pathOrUrl, String username) {
		Page login = open(pathOrUrl);
		Element form = login.document().selectFirst("form");
		if (form == null || form.selectFirst("input[name=username]") == null) {
			throw new IllegalStateException("expected the provider's login form, got " + login.uri() + " " + login.status());
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[type=hidden]")) {
			fields.put(input.attr("name"), input.attr("value"));
		}
		fields.put("username", username);
		fields.put("password", TestIdentityProvider.password(username));
		return send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
	}

	/** Sends a form of the last page (found by its action's ending) with these fields and the page's CSRF token. */
	Page submit(String actionEnding, Map<String, String> fields) {
		Element form = this.last.document()
			.select("form")
			.stream()
			.filter(f -> f.attr("action").endsWith(actionEnding))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no form ending " + actionEnding + " on " + this.last.uri()));
		Map<String, String> all = new LinkedHashMap<>();
		for (Element input : form.select("input[type=hidden]")) {
			all.put(input.attr("name"), input.attr("value"));
		}
		all.putAll(fields);
		return post(form.absUrl("action"), all);
	}

	/** Posts exactly these fields, e.g. without a CSRF token or with a forged version. */
	Page post(String pathOrUrl, Map<String, String> fields) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
	}

	/** The CSRF token of the last page. */
	String csrfToken() {
		Element token = this.last.document().selectFirst("input[name=_csrf]");
		return token == null ? null : token.attr("value");
	}

	Page last() {
		return this.last;
	}

	private Page send(HttpRequest.Builder request) {
		try {
			// what a browser asks for: the provider sends people (not API clients) to its login page
			request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			this.last = new Page(response.statusCode(), response.uri(), response.body(), response.headers());
			return this.last;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl);
	}

	private static String encode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
