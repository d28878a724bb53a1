package org.openintake.casework.actions;

import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import org.openintake.casework.activity.ActivityFacts;
import org.openintake.casework.activity.ActivityOutbox;
import org.openintake.casework.audit.AuditAction;
import org.openintake.casework.audit.AuditLog;
import org.openintake.casework.caserecord.CaseRecord;
import org.openintake.casework.caserecord.CaseRecords;
import org.openintake.casework.caserecord.Timeline;
import org.openintake.casework.signin.StaffDirectory;
import org.openintake.casework.signin.StaffMember;
import org.openintake.events.CaseActivity;
import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.Track;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do to a case. Each action runs in one transaction that locks the case row, checks
 * scope and the version the person saw, changes the case, adds to the timeline and the audit log,
 * and queues the {@code case-activity} event; on any refusal nothing of it is kept.
 */
@Service
public class CaseActions {

	private final JdbcClient jdbc;

	private final CaseRecords cases;

	private final Timeline timeline;

	private final AuditLog audit;

	private final ActivityOutbox outbox;

	private final StaffDirectory directory;

	private final MeterRegistry meters;

	CaseActions(JdbcClient jdbc, CaseRecords cases, Timeline timeline, AuditLog audit, ActivityOutbox outbox,
			StaffDirectory directory, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.timeline = timeline;
		this.audit = audit;
		this.outbox = outbox;
		this.directory = directory;
		this.meters = meters;
	}

	/** A person has picked up the crisis case: its escalation stops. */
	@Transactional
	public String acknowledge(StaffMember who, String caseId, String address) {
		CaseRecord current = lock(who, caseId);
		if (!current.crisis()) {
			throw new ActionRefused(HttpStatus.CONFLICT, "Only crisis cases are acknowledged.");
		}
		if (current.acknowledged()) {
			throw new ActionRefused(HttpStatus.CONFLICT, "Already acknowledged by " + current.acknowledgedByName() + ".");
		}
		acknowledgeLocked(who, current);
		done(who, AuditAction.ACKNOWLEDGE, caseId, null, address);
		return "Acknowledged. Escalation for this case has stopped.";
	}

	/** Takes the case. Of two people claiming at once exactly one gets it; the other is told who has it. */
	@Transactional
	public String claim(StaffMember who, String caseId, int version, String address) {
		CaseRecord current = lock(who, caseId);
		if (current.assignee() != null) {
			throw new ActionRefused(HttpStatus.CONFLICT, current.assignee().equals(who.subject())
					? "You already have this case." : "Already claimed by " + current.assigneeName() + ".");
		}
		requireVersion(current, version);
		setAssignee(current, who.subject(), who.name());
		this.timeline.add(caseId, "CLAIMED", who.subject(), who.name(), null);
		this.outbox.add(CaseActivity.Type.CLAIMED, caseId, who.subject(), facts(current).withAssignee(who.subject()));
		done(who, AuditAction.CLAIM, caseId, null, address);
		return "You have this case.";
	}

	/** Gives the case to a colleague who has signed in before. */
	@Transactional
	public String assign(StaffMember who, String caseId, int version, String assignee, String address) {
		CaseRecord current = lock(who, caseId);
		requireVersion(current, version);
		String name = assignee == null ? null : this.directory.nameOf(assignee);
		if (name == null) {
			throw new ActionRefused(HttpStatus.BAD_REQUEST, "Choose a colleague who has signed in before.");
		}
		boolean canOpen = this.directory.covering(current.crisis(), current.track())
			.stream()
			.anyMatch(colleague -> colleague.subject().equals(assignee));
		if (!canOpen) {
			throw new ActionRefused(HttpStatus.CONFLICT,
					name + "'s roles do not include this case, so they could not open it. Choose someone on its team.");
		}
		if (assignee.equals(current.assignee())) {
			throw new ActionRefused(HttpStatus.CONFLICT, name + " already has this case.");
		}
		setAssignee(current, assignee, name);
		this.timeline.add(caseId, "ASSIGNED", who.subject(), who.name(), "to " + name);
		this.outbox.add(CaseActivity.Type.ASSIGNED, caseId, who.subject(), facts(current).withAssignee(assignee));
		done(who, AuditAction.ASSIGN, caseId, "to " + assignee, address);
		return "Assigned to " + name + ".";
	}

	/** Gives the case back to the team's inbox. */
	@Transactional
	public String release(StaffMember who, String caseId, int version, String address) {
		CaseRecord current = lock(who, caseId);
		requireVersion(current, version);
		if (current.assignee() == null) {
			throw new ActionRefused(HttpStatus.CONFLICT, "Nobody has this case.");
		}
		setAssignee(current, null, null);
		this.timeline.add(caseId, "RELEASED", who.subject(), who.name(), null);
		this.outbox.add(CaseActivity.Type.RELEASED, caseId, who.subject(), facts(current));
		done(who, AuditAction.RELEASE, caseId, null, address);
		return "Released to the team.";
	}

	/** Moves the case along its workflow, with a reason. A person doing so acknowledges a crisis case too. */
	@Transactional
	public String changeStatus(StaffMember who, String caseId, int version, String to, String reason, String address) {
		CaseRecord current = lock(who, caseId);
		CaseStatus target = parse(CaseStatus.class, to, "status");
		String why = FreeText.required(reason, "A reason", FreeText.MAX_REASON);
		if (!Workflow.allowed(current.status(), target)) {
			throw new ActionRefused(HttpStatus.CONFLICT,
					"A case that is " + current.status() + " cannot become " + target + ".");
		}
		requireVersion(current, version);
		if (current.crisis() && !current.acknowledged()) {
			acknowledgeLocked(who, current);
		}
		this.jdbc.sql("update staff_case set status = :status, version = version + 1 where case_id = :caseId")
			.param("status", target.name())
			.param("caseId", caseId)
			.update();
		this.timeline.add(caseId, "STATUS_" + target.name(), who.subject(), who.name(), why);
		this.outbox.add(CaseActivity.Type.STATUS_CHANGED, caseId, who.subject(),
				ActivityFacts.of(current.riskLevel(), current.crisis(), current.track(), target)
					.withPrevious(current.status(), null));
		done(who, AuditAction.STATUS_CHANGE, caseId, current.status() + " -> " + target, address);
		return "Status is now " + target + ".";
	}

	/** Sends the case to another track's team, with a reason. */
	@Transactional
	public String changeTrack(StaffMember who, String caseId, int version, String to, String reason, String address) {
		CaseRecord current = lock(who, caseId);
		Track target = parse(Track.class, to, "track");
		String why = FreeText.required(reason, "A reason", FreeText.MAX_REASON);
		if (target == current.track()) {
			throw new ActionRefused(HttpStatus.CONFLICT, "The case is already on " + target + ".");
		}
		requireVersion(current, version);
		this.jdbc.sql("update staff_case set track = :track, version = version + 1 where case_id = :caseId")
			.param("track", target.name())
			.param("caseId", caseId)
			.update();
		this.timeline.add(caseId, "TRACK_CHANGED", who.subject(), who.name(), current.track() + " -> " + target + ": " + why);
		this.outbox.add(CaseActivity.Type.TRACK_CHANGED, caseId, who.subject(),
				ActivityFacts.of(current.riskLevel(), current.crisis(), target, current.status())
					.withPrevious(null, current.track()));
		done(who, AuditAction.TRACK_CHANGE, caseId, current.track() + " -> " + target, address);
		return "Track is now " + target + ".";
	}

	@Transactional
	public String addNote(StaffMember who, String caseId, String note, String address) {
		CaseRecord current = lock(who, caseId);
		String text = FreeText.required(note, "A note", FreeText.MAX_NOTE);
		this.timeline.add(caseId, "NOTE", who.subject(), who.name(), text);
		this.outbox.add(CaseActivity.Type.NOTE_ADDED, caseId, who.subject(), facts(current));
		done(who, AuditAction.NOTE, caseId, null, address);
		return "Note added.";
	}

	private CaseRecord lock(StaffMember who, String caseId) {
		return this.cases.lockInScope(caseId, who).orElseThrow(() -> this.cases.exists(caseId)
				? new ActionRefused(HttpStatus.FORBIDDEN, "This case is outside your scope.")
				: new ActionRefused(HttpStatus.NOT_FOUND, "There is no such case."));
	}

	private void acknowledgeLocked(StaffMember who, CaseRecord current) {
		this.jdbc.sql("""
				update staff_case set acknowledged_at = now(), acknowledged_by = :who, acknowledged_by_name = :name,
				    next_escalation_at = null, version = version + 1
				where case_id = :caseId
				""").param("who", who.subject()).param("name", who.name()).param("caseId", current.caseId()).update();
		this.timeline.add(current.caseId(), "ACKNOWLEDGED", who.subject(), who.name(), null);
		this.outbox.add(CaseActivity.Type.ACKNOWLEDGED, current.caseId(), who.subject(), facts(current));
		this.meters.counter("casework.crisis.acknowledged", "risk", String.valueOf(current.riskLevel())).increment();
	}

	private void setAssignee(CaseRecord current, String subject, String name) {
		this.jdbc.sql("""
				update staff_case set assignee = :subject, assignee_name = :name, version = version + 1
				where case_id = :caseId
				""").param("subject", subject).param("name", name).param("caseId", current.caseId()).update();
	}

	private static void requireVersion(CaseRecord current, int version) {
		if (current.version() != version) {
			throw new ActionRefused(HttpStatus.CONFLICT,
					"This case changed since you opened it. Look at the timeline, then try again.");
		}
	}

	private void done(StaffMember who, AuditAction action, String caseId, String detail, String address) {
		this.audit.record(who, action, caseId, AuditLog.Outcome.OK, detail, address);
		this.meters.counter("casework.actions", "action", action.name()).increment();
	}

	private static ActivityFacts facts(CaseRecord current) {
		return ActivityFacts.of(current.riskLevel(), current.crisis(), current.track(), current.status())
			.withAssignee(current.assignee());
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
		for (E constant : type.getEnumConstants()) {
			if (Objects.equals(constant.name(), value)) {
				return constant;
			}
		}
		throw new ActionRefused(HttpStatus.BAD_REQUEST, "Unknown " + what + ".");
	}

}
