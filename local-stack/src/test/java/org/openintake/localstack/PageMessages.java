package org.openintake.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's own message file for a language, as the running intake-service serves it: tests
 * check that the patient sees the text of their language without repeating its wording (a clinic
 * may replace it with licensed validated wording).
 */
record PageMessages(JsonNode messages) {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static PageMessages of(LocalStack stack, String lang) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(stack.intake().url() + "/i18n/" + lang + ".json")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("message file " + lang).isEqualTo(200);
			return new PageMessages(JsonMapper.builder().build().readTree(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String get(String key) {
		JsonNode text = messages.get(key);
		assertThat(text).as("message " + key).isNotNull();
		return text.asString();
	}

}
