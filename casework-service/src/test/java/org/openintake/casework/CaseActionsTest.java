package org.openintake.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.openintake.events.CaseActivity;
import org.openintake.events.Topics;
import org.openintake.events.Track;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff work a case: claim, status with reasons, track, notes; each step on the timeline, in the audit log and on case-activity. */
class CaseActionsTest extends CaseworkTest {

	private String routineCase(Track track, String name) {
		String caseId = CaseEvents.newCaseId();
		publish(Topics.INTAKE_SUBMISSIONS, caseId, CaseEvents.submitted(caseId, name, "Low mood for two years."));
		publish(Topics.CASES_ROUTED, caseId, CaseEvents.routine(caseId, track, name));
		awaitCase(caseId, true);
		return caseId;
	}

	@Test
	void twoCliniciansClaimingAtOnceLeaveExactlyOneOwnerAndTellTheOtherWhoHasIt() throws Exception {
		for (int round = 0; round < 5; round++) {
			String caseId = routineCase(Track.CBT, "Claim Race " + round);
			StaffBrowser first = browser();
			StaffBrowser second = browser();
			first.signIn("/staff/cases/" + caseId, "cbt");
			second.signIn("/staff/cases/" + caseId, "cbt2");
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<StaffBrowser.Page>> claims = new ArrayList<>();
			for (StaffBrowser browser : List.of(first, second)) {
				claims.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return browser.submit("/claim", Map.of());
				}));
			}
			start.countDown();
			List<StaffBrowser.Page> pages = claims.stream().map(CompletableFuture::join).toList();

			assertThat(pages).extracting(StaffBrowser.Page::status).containsExactlyInAnyOrder(200, 409);
			StaffBrowser.Page lost = pages.stream().filter(p -> p.status() == 409).findFirst().orElseThrow();
			String owner = this.jdbc.sql("select assignee from staff_case where case_id = :id")
				.param("id", caseId)
				.query(String.class)
				.single();
			assertThat(owner).isIn("cbt", "cbt2");
			assertThat(lost.text()).contains("Already claimed by Test " + owner);
			assertThat(count("select count(*) from case_timeline where case_id = ? and kind = 'CLAIMED'", caseId))
				.isEqualTo(1);
		}
	}

	@Test
	void aCaseMovesThroughItsWorkflowWithReasonsAndEveryStepIsRecordedWithoutFreeTextInEvents() {
		String caseId = routineCase(Track.CBT, "Workflow Person");
		StaffBrowser cbt = browser();
		cbt.signIn("/staff/cases/" + caseId, "cbt");

		assertThat(cbt.submit("/claim", Map.of()).text()).contains("You have this case");
		StaffBrowser.Page contacted = cbt.submit("/status",
				Map.of("status", "CONTACTED", "reason", "Rang back, secret-reason-words, booked a call"));
		assertThat(contacted.status()).isEqualTo(200);
		assertThat(contacted.text()).contains("Status is now CONTACTED");
		cbt.submit("/notes", Map.of("note", "Prefers mornings; private-note-words"));
		cbt.submit("/status", Map.of("status", "BOOKED", "reason", "Assessment on Monday"));
		StaffBrowser.Page moved = cbt.submit("/track", Map.of("track", "MBSR", "reason", "Mild symptoms on the call"));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.uri().getPath()).isEqualTo("/staff/cases");
		assertThat(moved.text()).contains("Track is now MBSR. The case has left your inbox.");
		// the case left the CBT team's scope with its track: the page says so, and the lead still sees all of it
		StaffBrowser lead = browser();
		StaffBrowser.Page page = lead.signIn("/staff/cases/" + caseId, "lead");
		assertThat(page.text()).contains("STATUS CONTACTED")
			.contains("secret-reason-words")
			.contains("private-note-words")
			.contains("STATUS BOOKED")
			.contains("TRACK CHANGED");
		lead.submit("/status", Map.of("status", "CLOSED", "reason", "Course completed"));

		List<CaseActivity> events = activity(caseId);
		assertThat(events).extracting(CaseActivity::type)
			.containsSubsequence(CaseActivity.Type.CLAIMED, CaseActivity.Type.STATUS_CHANGED,
					CaseActivity.Type.NOTE_ADDED, CaseActivity.Type.STATUS_CHANGED, CaseActivity.Type.TRACK_CHANGED,
					CaseActivity.Type.STATUS_CHANGED);
		assertThat(events).allSatisfy(event -> assertThat(event.caseId()).isEqualTo(caseId));
		assertThat(events.get(events.size() - 1).status()).isEqualTo(CaseActivity.CaseStatus.CLOSED);
		assertThat(rawActivity(caseId)).noneMatch(raw -> raw.contains("secret-reason-words")
				|| raw.contains("private-note-words") || raw.contains("Workflow Person") || raw.contains("Low mood"));
		assertThat(count("select count(*) from audit_log where case_id = ? and action = 'STATUS_CHANGE' and outcome = 'OK'",
				caseId)).isEqualTo(3);
	}

	@Test
	void aCaseIsAssignedOnlyToAColleagueWhoseRolesLetThemOpenIt() {
		String caseId = routineCase(Track.CBT, "Assign Person");
		// the directory knows the people who have signed in, with their roles then
		for (String colleague : List.of("tms", "cbt2", "lead")) {
			browser().signIn("/staff/cases", colleague);
		}
		StaffBrowser cbt = browser();
		StaffBrowser.Page page = cbt.signIn("/staff/cases/" + caseId, "cbt");
		assertThat(page.document().select("#assignee option").eachText()).contains("Test cbt2", "Test lead")
			.doesNotContain("Test tms");

		StaffBrowser.Page refused = cbt.submit("/assign", Map.of("assignee", "tms"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text()).contains("Test tms's roles do not include this case");
		cbt.open("/staff/cases/" + caseId);
		StaffBrowser.Page assigned = cbt.submit("/assign", Map.of("assignee", "cbt2"));
		assertThat(assigned.status()).isEqualTo(200);
		assertThat(assigned.text()).contains("Assigned to Test cbt2.");
		assertThat(this.jdbc.sql("select assignee from staff_case where case_id = :id")
			.param("id", caseId)
			.query(String.class)
			.single()).isEqualTo("cbt2");
	}

	@Test
	void badInputGetsAClearErrorAndChangesNothing() {
		String caseId = routineCase(Track.CBT, "Bad Input");
		String tmsCase = routineCase(Track.TMS, "Other Team");
		StaffBrowser cbt = browser();
		cbt.signIn("/staff/cases/" + caseId, "cbt");
		int version = version(caseId);

		StaffBrowser.Page unknown = cbt.submit("/status", Map.of("status", "BOGUS", "reason", "x"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.text()).contains("Unknown status");

		cbt.open("/staff/cases/" + caseId);
		StaffBrowser.Page skip = cbt.submit("/status", Map.of("status", "CLOSED", "reason", "skip ahead"));
		assertThat(skip.status()).isEqualTo(409);
		assertThat(skip.text()).contains("cannot become CLOSED");

		cbt.open("/staff/cases/" + caseId);
		assertThat(cbt.submit("/status", Map.of("status", "CONTACTED", "reason", "   ")).text())
			.contains("A reason is required");
		cbt.open("/staff/cases/" + caseId);
		StaffBrowser.Page tooLong = cbt.submit("/status", Map.of("status", "CONTACTED", "reason", "x".repeat(5000)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.text()).contains("too long: 5000 characters, at most 1000");

		cbt.open("/staff/cases/" + caseId);
		StaffBrowser.Page stale = cbt.submit("/status",
				Map.of("status", "CONTACTED", "reason", "fine", "version", String.valueOf(version - 1)));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.text()).contains("changed since you opened it");

		cbt.open("/staff/cases/" + caseId);
		String token = cbt.csrfToken();
		StaffBrowser.Page otherTeam = cbt.post("/staff/cases/" + tmsCase + "/claim",
				Map.of("_csrf", token, "version", "0"));
		assertThat(otherTeam.status()).isEqualTo(403);
		StaffBrowser.Page forged = cbt.post("/staff/cases/not-a-real-case/claim", Map.of("_csrf", token, "version", "0"));
		assertThat(forged.status()).isEqualTo(404);
		StaffBrowser.Page noCsrf = cbt.post("/staff/cases/" + caseId + "/claim", Map.of("version", String.valueOf(version)));
		assertThat(noCsrf.status()).isEqualTo(403);

		assertThat(version(caseId)).isEqualTo(version);
		assertThat(this.jdbc.sql("select status || ':' || coalesce(assignee, '-') from staff_case where case_id = :id")
			.param("id", caseId)
			.query(String.class)
			.single()).isEqualTo("NEW:-");
		assertThat(this.jdbc.sql("select coalesce(assignee, '-') from staff_case where case_id = :id")
			.param("id", tmsCase)
			.query(String.class)
			.single()).isEqualTo("-");
		assertThat(count("select count(*) from case_timeline where case_id = ? and actor = 'cbt' and kind <> 'VIEWED'", caseId))
			.isZero();
		assertThat(count("select count(*) from audit_log where case_id = ? and outcome = 'DENIED' and action = 'CLAIM'",
				tmsCase)).isEqualTo(1);
	}

	private int version(String caseId) {
		return this.jdbc.sql("select version from staff_case where case_id = :id")
			.param("id", caseId)
			.query(Integer.class)
			.single();
	}

}
