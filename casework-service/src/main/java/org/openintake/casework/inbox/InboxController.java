package org.openintake.casework.inbox;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.openintake.casework.audit.AuditAction;
import org.openintake.casework.audit.AuditLog;
import org.openintake.casework.signin.StaffAuthorities;
import org.openintake.casework.signin.StaffMember;
import org.openintake.events.CaseActivity.CaseStatus;
import org.openintake.events.Track;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The risk-first inbox. It shows patients' names, so each view is audited. */
@Controller
class InboxController {

	private final InboxQuery inbox;

	private final AuditLog audit;

	InboxController(InboxQuery inbox, AuditLog audit) {
		this.inbox = inbox;
		this.audit = audit;
	}

	@GetMapping({ "/", "/staff", "/staff/cases" })
	String inbox(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String track,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean unassigned,
			@RequestParam(defaultValue = "false") boolean mine, HttpServletRequest request, Model model) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		InboxFilter filter = InboxFilter.parse(track, status, unassigned, mine);
		List<InboxRow> rows = this.inbox.rows(staff, filter);
		this.audit.record(staff, AuditAction.VIEW_INBOX, null, AuditLog.Outcome.OK, rows.size() + " cases listed",
				request.getRemoteAddr());
		model.addAttribute("staff", staff);
		model.addAttribute("filter", filter);
		model.addAttribute("rows", rows);
		model.addAttribute("counts", this.inbox.counts(staff));
		model.addAttribute("tracks", Track.values());
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("limit", InboxQuery.PAGE);
		return "inbox";
	}

}
