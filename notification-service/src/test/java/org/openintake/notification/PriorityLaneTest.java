package org.openintake.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openintake.events.CrisisCategory;
import org.openintake.events.RiskLevel;
import org.openintake.events.Track;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crisis lane has its own consumer: a routine backlog stuck on a mail server that keeps saying
 * "try later" does not hold up a crisis case queued behind it.
 */
class PriorityLaneTest {

	@Test
	void aCrisisCaseIsMailedWhileRoutineCasesAreStuckInRetries() throws Exception {
		String run = UUID.randomUUID().toString();
		String routineTopic = "lane-routine-" + run;
		String crisisTopic = "lane-crisis-" + run;
		try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(
				(rcpt) -> rcpt.equals("cbt@clinic.local") ? 451 : null);
				ConfigurableApplicationContext app = StandaloneService.start(
						Map.of("crisisCases", crisisTopic, "routedCases", routineTopic), "g-" + run,
						StandaloneService.newDatabase(), smtp.port(), Map.of())) {
			List<String> routine = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				String caseId = UUID.randomUUID().toString();
				routine.add(caseId);
				NotificationTestSupport.publish(routineTopic, caseId, NotificationTestSupport.json(
						NotificationTestSupport.triaged(caseId, false, RiskLevel.LOW, Track.CBT, List.of(),
								NotificationTestSupport.contact("Ada", null, false, "en", "GB", null))));
			}
			String crisis = UUID.randomUUID().toString();
			NotificationTestSupport.publish(crisisTopic, crisis, NotificationTestSupport.json(
					NotificationTestSupport.triaged(crisis, true, RiskLevel.IMMINENT, Track.PSYCHIATRY,
							List.of(CrisisCategory.SUICIDE_PLAN),
							NotificationTestSupport.contact("Bo", null, false, "en", "GB", null))));

			await().atMost(Duration.ofSeconds(60))
				.until(() -> smtp.acceptedFor("crisis-oncall@clinic.local", crisis).size() == 1);
			assertThat(routine).allSatisfy((caseId) -> assertThat(smtp.acceptedFor("cbt@clinic.local", caseId)).isEmpty());
		}
	}

}
