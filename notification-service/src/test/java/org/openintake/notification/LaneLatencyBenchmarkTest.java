package org.openintake.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A benchmark, not a timing test: a burst of routine cases with crisis cases among them, through
 * the real consumers and a real SMTP server; prints publish-to-SMTP latency per lane. It asserts
 * only that every case was mailed exactly once.
 */
class LaneLatencyBenchmarkTest {

	private static final int ROUTINE = 300;

	private static final int CRISIS = 30;

	@Test
	void crisisLatencyUnderARoutineBurst() throws Exception {
		String run = UUID.randomUUID().toString();
		String routineTopic = "bench-routine-" + run;
		String crisisTopic = "bench-crisis-" + run;
		Map<String, Instant> published = new ConcurrentHashMap<>();
		List<String> crisisCases = new ArrayList<>();
		List<String> routineCases = new ArrayList<>();
		try (ScriptedSmtpServer smtp = new ScriptedSmtpServer((rcpt) -> null);
				ConfigurableApplicationContext app = StandaloneService.start(
						Map.of("crisisCases", crisisTopic, "routedCases", routineTopic), "g-" + run,
						StandaloneService.newDatabase(), smtp.port(), Map.of())) {
			// Warm-up: both consumers have their partitions and have sent once before the clock runs.
			NotificationTestSupport.kafka().send(routineTopic, "warm-up-routine", bytes("warm-up-routine", false));
			NotificationTestSupport.kafka().send(crisisTopic, "warm-up-crisis", bytes("warm-up-crisis", true));
			await().atMost(Duration.ofMinutes(1)).until(() -> smtp.accepted().size() == 2);

			for (int i = 0; i < ROUTINE; i++) {
				String caseId = UUID.randomUUID().toString();
				routineCases.add(caseId);
				published.put(caseId, Instant.now());
				NotificationTestSupport.kafka().send(routineTopic, caseId, bytes(caseId, false));
				if (i % (ROUTINE / CRISIS) == ROUTINE / CRISIS / 2) {
					String crisis = UUID.randomUUID().toString();
					crisisCases.add(crisis);
					published.put(crisis, Instant.now());
					NotificationTestSupport.kafka().send(crisisTopic, crisis, bytes(crisis, true));
				}
			}
			NotificationTestSupport.kafka().flush();

			await().atMost(Duration.ofMinutes(3)).until(() -> smtp.accepted().size() >= ROUTINE + CRISIS + 2);
			Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
			for (ScriptedSmtpServer.Accepted accepted : smtp.accepted()) {
				String id = accepted.data().replaceAll("(?s).*Message-ID: <([0-9a-z-]+)\\..*", "$1");
				assertThat(acceptedAt.put(id, accepted.at())).as("one email per case").isNull();
			}
			System.out.printf("BENCHMARK notification lanes (%d routine + %d crisis cases in one burst, embedded Kafka, local SMTP):%n",
					ROUTINE, CRISIS);
			System.out.println("BENCHMARK   crisis  " + summary(crisisCases, published, acceptedAt));
			System.out.println("BENCHMARK   routine " + summary(routineCases, published, acceptedAt));
		}
	}

	private static String summary(List<String> cases, Map<String, Instant> published, Map<String, Instant> acceptedAt) {
		List<Long> millis = cases.stream()
			.map((id) -> Duration.between(published.get(id), acceptedAt.get(id)).toMillis())
			.sorted()
			.toList();
		return String.format("publish->SMTP ms: p50 %d, p95 %d, max %d (n=%d)", millis.get(millis.size() / 2),
				millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1), millis.size());
	}

	private static byte[] bytes(String caseId, boolean crisis) {
		return NotificationTestSupport.json(NotificationTestSupport.triaged(caseId, crisis,
				crisis ? RiskLevel.IMMINENT : RiskLevel.LOW, crisis ? Track.PSYCHIATRY : Track.CBT,
				crisis ? List.of(CrisisCategory.SUICIDE_PLAN) : List.of(),
				NotificationTestSupport.contact("Ada", null, false, "en", "GB", null)))
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
