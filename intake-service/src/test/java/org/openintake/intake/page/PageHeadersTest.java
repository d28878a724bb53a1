package org.openintake.intake.page;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openintake.intake.IntakeServiceTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's security headers and its deployment config, without a browser. */
@IntakeServiceTest
class PageHeadersTest {

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void client() {
		client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	@Test
	void thePageIsServedAtTheRootWithAStrictContentSecurityPolicy() {
		client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'")
				.contains("default-src 'none'")
				.contains("frame-ancestors 'none'")
				.contains("connect-src 'self' " + IntakeServiceTest.NOTIFICATION_ABSENT)
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval"));
	}

	@Test
	void apiResponsesCarryTheHeadersToo() {
		client.get()
			.uri("/api/page-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.notificationBaseUrl")
			.isEqualTo(IntakeServiceTest.NOTIFICATION_ABSENT);
	}

	@Test
	void thePageHasNoInlineScriptOrStyleAndLoadsNothingFromElsewhere() throws Exception {
		String html = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
		Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
		int count = 0;
		while (scripts.find()) {
			count++;
			assertThat(scripts.group(1)).contains("src=\"/");
			assertThat(scripts.group(2)).isBlank();
		}
		assertThat(count).isPositive();
		assertThat(html).doesNotContain("<style").doesNotContain(" style=").doesNotContain("http://").doesNotContain("https://");
		assertThat(html).doesNotContainPattern("\\son[a-z]+=");
	}

}
