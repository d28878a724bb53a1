package org.openintake.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff side end to end, as clinic staff meet it, on a stack of its own whose crisis cases
 * must be acknowledged within 30 s (escalations repeat every 20 s): a routine and a crisis intake
 * go in; the crisis case escalates by email (the escalation address, then the clinical lead);
 * on-call follows the link in the crisis email, signs in at the real OIDC provider in Chromium,
 * lands on the case, sees the patient's words highlighted, and acknowledges it with the keyboard;
 * escalation stops. The lead then sees both cases, crisis first, and every view in the audit log.
 */
@BrowserTest
class StaffCaseworkStackTest {

	/** Clear of the shared stack (100), the TLS stack (150), the benchmark (300) and the fault suite (400). */
	static final String PORT_OFFSET_PROPERTY = "localstack.test.staff-port-offset";

	static final Duration REPEAT = Duration.ofSeconds(20);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static LocalStack stack;

	@BeforeAll
	static void startStackWithShortAcknowledgementDeadlines() {
		Ports ports = Ports.withOffset(Integer.getInteger(PORT_OFFSET_PROPERTY, 200));
		stack = new LocalStack(ports, StackHome.locate().target().resolve("staff-run"), List.of(), false,
				List.of("--casework.escalation.imminent=30s", "--casework.escalation.high=30s",
						"--casework.escalation.moderate=30s", "--casework.escalation.repeat=" + REPEAT.toSeconds() + "s",
						"--casework.escalation.poll-interval=1s"));
		stack.start();
	}

	@AfterAll
	static void stop() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void onCallFollowsTheEmailSignsInAcknowledgesAndEscalationStopsThenTheLeadSeesItAll() throws Exception {
		String marker = UUID.randomUUID().toString();
		String routine = submit(Intakes.routine());
		String crisis = submit(Intakes.crisis("Since the layoff I want to kill myself. " + marker));
		Mailboxes mail = new Mailboxes(stack);
		JsonNode onCallEmail = mail.awaitMessageAbout("crisis-oncall@clinic.local", crisis);
		String link = caseLink(onCallEmail, crisis);
		assertThat(link).startsWith(stack.casework().url() + "/staff/cases/");

		// nobody acknowledges: the escalation address first, the lead on the repeat
		mail.awaitMessageAbout("crisis-escalation@clinic.local", crisis);
		assertThat(about(mail, "clinical-lead@clinic.local", crisis)).isZero();
		mail.awaitMessageAbout("clinical-lead@clinic.local", crisis);

		try (Browser browser = new Browser("en-GB,en")) {
			signIn(browser, link, "oncall");
			assertThat(URI.create(browser.driver.getCurrentUrl()).getPath()).isEqualTo("/staff/cases/" + crisis);
			WebElement highlight = browser.driver.findElement(By.cssSelector("mark.current"));
			assertThat(highlight.getText()).containsIgnoringCase("kill myself");
			assertThat(highlight.findElement(By.xpath("following-sibling::small[1]")).getText()).contains("rule");
			assertThat(browser.driver.findElement(By.cssSelector("a[href^='tel:']")).getText())
				.isEqualTo("+44 20 7946 0001");
			browser.screenshots("staff-case-crisis");

			// keyboard only: Tab to the button, Enter
			browser.tabTo("acknowledge");
			browser.press(Keys.ENTER);
			wait(browser).until(d -> d.findElement(By.tagName("main")).getText().contains("Acknowledged by Olu On-call"));
			assertThat(browser.consoleErrors()).isEmpty();
		}
		int escalationsAtAcknowledgement = overdueEmails(mail, crisis);
		// two repeat intervals and a margin: no further escalation email
		await().pollDelay(REPEAT.multipliedBy(2).plusSeconds(5)).atMost(REPEAT.multipliedBy(3)).until(() -> true);
		assertThat(overdueEmails(mail, crisis)).isEqualTo(escalationsAtAcknowledgement);

		try (Browser browser = new Browser("en-GB,en")) {
			signIn(browser, stack.casework().url() + "/staff/cases", "lead");
			List<WebElement> rows = browser.driver.findElements(By.cssSelector("table.inbox tbody tr"));
			List<String> order = rows.stream()
				.map(row -> row.findElement(By.cssSelector("a")).getDomAttribute("href"))
				.toList();
			assertThat(order).containsExactly("/staff/cases/" + crisis, "/staff/cases/" + routine);
			browser.screenshots("staff-inbox");

			browser.driver.get(stack.casework().url() + "/staff/cases/" + routine);
			new org.openqa.selenium.support.ui.Select(browser.byId("status")).selectByValue("CONTACTED");
			browser.type("status-reason", "Called back, assessment booked for Monday");
			browser.click(browser.driver.findElement(By.cssSelector("form[action$='/status'] button")));
			wait(browser).until(d -> d.findElement(By.tagName("main")).getText().contains("Status is now CONTACTED"));

			browser.driver.get(stack.casework().url() + "/staff/audit");
			String audit = browser.driver.findElement(By.cssSelector("table.audit")).getText();
			assertThat(audit).contains("Olu On-call").contains("Lena Lead").contains("VIEW CASE").contains("ACKNOWLEDGE")
				.contains("STATUS CHANGE");
			browser.screenshots("staff-audit");
		}
	}

	private static void signIn(Browser browser, String url, String username) {
		browser.driver.get(url);
		wait(browser).until(d -> !d.findElements(By.id("username")).isEmpty());
		browser.driver.findElement(By.id("username")).sendKeys(username);
		browser.driver.findElement(By.id("password")).sendKeys(stack.staff().account(username).password());
		browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
		wait(browser).until(d -> d.getCurrentUrl().startsWith(stack.casework().url()));
	}

	/** Waits across a form post: the old page's elements go stale while the next page loads. */
	private static WebDriverWait wait(Browser browser) {
		WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/** The case link in the staff email, as staff would click it. */
	private static String caseLink(JsonNode email, String caseId) {
		Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/staff/cases/" + Pattern.quote(caseId))
			.matcher(email.get("mimeMessage").asString());
		assertThat(link.find()).as("a link to the case in the email").isTrue();
		return link.group();
	}

	private static int overdueEmails(Mailboxes mail, String caseId) {
		return about(mail, "crisis-escalation@clinic.local", caseId) + about(mail, "clinical-lead@clinic.local", caseId);
	}

	private static int about(Mailboxes mail, String mailbox, String caseId) {
		return (int) mail.messages(mailbox)
			.stream()
			.filter(message -> message.get("mimeMessage").asString().contains(caseId))
			.count();
	}

	private static String submit(String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.intake().url() + "/api/intakes"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body()).get("caseId").asString();
	}

}
