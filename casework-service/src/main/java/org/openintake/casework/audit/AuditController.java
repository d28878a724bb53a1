package org.openintake.casework.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.openintake.casework.signin.StaffAuthorities;
import org.openintake.casework.signin.StaffMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for clinical leads (the security configuration lets only leads in), per case and per person. */
@Controller
class AuditController {

	private static final int PAGE = 500;

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/staff/audit")
	String auditLog(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String caseId,
			@RequestParam(required = false) String actor, HttpServletRequest request, Model model) {
		StaffMember lead = StaffAuthorities.staffMember(user);
		String forCase = StringUtils.hasText(caseId) ? caseId.strip() : null;
		String forActor = StringUtils.hasText(actor) ? actor.strip() : null;
		this.auditLog.record(lead, AuditAction.VIEW_AUDIT_LOG, forCase, AuditLog.Outcome.OK,
				forActor != null ? "actor " + forActor : null, request.getRemoteAddr());
		model.addAttribute("staff", lead);
		model.addAttribute("entries", this.auditLog.find(forCase, forActor, PAGE));
		model.addAttribute("caseId", forCase);
		model.addAttribute("actor", forActor);
		model.addAttribute("limit", PAGE);
		return "audit";
	}

}
