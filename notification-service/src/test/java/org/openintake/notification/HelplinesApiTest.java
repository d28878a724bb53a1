package org.openintake.notification;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/helplines}: what the patient page shows the moment a form is sent. */
@AutoConfigureWebTestClient
class HelplinesApiTest extends NotificationTestSupport {

	@Autowired
	private WebTestClient web;

	@Test
	void spainInSpanish() {
		this.web.get()
			.uri("/api/helplines?country=ES&lang=es")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.country").isEqualTo("ES")
			.jsonPath("$.fallback").isEqualTo(false)
			.jsonPath("$.language").isEqualTo("es")
			.jsonPath("$.emergency[0].number").isEqualTo("112")
			.jsonPath("$.emergency[0].label").isEqualTo("Emergencias")
			.jsonPath("$.lines[0].number").isEqualTo("024")
			.jsonPath("$.lines[0].service").isEqualTo("Línea 024 de atención a la conducta suicida")
			.jsonPath("$.lines[0].hours").isEqualTo("24 horas al día, todos los días")
			.jsonPath("$.lines[0].cost").isEqualTo("Gratuito")
			.jsonPath("$.lines[0].lastVerified").isEqualTo("2026-11-21")
			.jsonPath("$.lines[1].number").isEqualTo("900 525 100")
			.jsonPath("$.advice").value((String advice) -> assertThat(advice).contains("112"));
	}

	@Test
	void germanyInGerman() {
		this.web.get()
			.uri("/api/helplines?country=DE&lang=de")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.emergency[0].number").isEqualTo("112")
			.jsonPath("$.lines[0].service").isEqualTo("TelefonSeelsorge")
			.jsonPath("$.lines[0].number").isEqualTo("116 123")
			.jsonPath("$.lines[0].otherNumbers").isEqualTo(List.of("0800 111 0 111", "0800 111 0 222"))
			.jsonPath("$.lines[0].cost").isEqualTo("Kostenlos");
	}

	@Test
	void unitedStatesInEnglishByDefault() {
		this.web.get()
			.uri("/api/helplines?country=us")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.country").isEqualTo("US")
			.jsonPath("$.language").isEqualTo("en")
			.jsonPath("$.emergency[0].number").isEqualTo("911")
			.jsonPath("$.lines[0].service").isEqualTo("988 Suicide & Crisis Lifeline")
			.jsonPath("$.lines[0].number").isEqualTo("988")
			.jsonPath("$.lines[0].channels").isEqualTo(List.of("Call", "Text", "Chat"));
	}

	@Test
	void everyCountryOfTheDesignHasItsEmergencyNumberAndAVerifiedLine() {
		Map<String, String> emergency = Map.of("ES", "112", "CH", "112", "GB", "999", "US", "911", "CA", "911", "FR",
				"112", "DE", "112", "IT", "112", "NL", "112");
		emergency.forEach((country, number) -> this.web.get()
			.uri("/api/helplines?country=" + country)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.fallback").isEqualTo(false)
			.jsonPath("$.emergency[0].number").isEqualTo(number)
			.jsonPath("$.lines[0].lastVerified").isEqualTo("2026-11-21")
			// the patient page dials every line: none may lack a number
			.jsonPath("$.lines[?(@.number == null)]").isEmpty());
	}

	@Test
	void unknownOrMissingCountryGetsTheInternationalFallback() {
		for (String uri : List.of("/api/helplines?country=ZZ&lang=fr", "/api/helplines?lang=fr")) {
			this.web.get()
				.uri(uri)
				.exchange()
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.fallback").isEqualTo(true)
				.jsonPath("$.country").doesNotExist()
				.jsonPath("$.emergency[0].number").isEqualTo("112")
				.jsonPath("$.emergency[0].label").isEqualTo("Numéro d'urgence depuis la plupart des téléphones mobiles")
				.jsonPath("$.lines").isEmpty()
				.jsonPath("$.websites[0].url").isEqualTo("https://findahelpline.com")
				.jsonPath("$.advice").value((String advice) -> assertThat(advice).contains("numéro d'urgence local"));
		}
	}

	@Test
	void unsupportedLanguageFallsBackToEnglish() {
		this.web.get()
			.uri("/api/helplines?country=FR&lang=xx")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.language").isEqualTo("en")
			.jsonPath("$.lines[0].service").isEqualTo("3114 national suicide prevention line");
	}

	@Test
	void malformedCountryIsAProblem() {
		for (String country : List.of("ESP", "E1", "%3Cscript%3E")) {
			this.web.get()
				.uri("/api/helplines?country=" + country)
				.exchange()
				.expectStatus().isBadRequest()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status").isEqualTo(400)
				.jsonPath("$.field").isEqualTo("country");
		}
	}

	@Test
	void thePatientPageMayReadItCrossOrigin() {
		this.web.options()
			.uri("/api/helplines?country=GB")
			.header(HttpHeaders.ORIGIN, "http://localhost:8080")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:8080");
		this.web.options()
			.uri("/api/cases/abc/outcome")
			.header(HttpHeaders.ORIGIN, "http://127.0.0.1:8080")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://127.0.0.1:8080");
		this.web.options()
			.uri("/api/helplines?country=GB")
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
	}

}
