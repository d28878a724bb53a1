package org.openintake.casework.caseview;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openintake.casework.audit.AuditAction;
import org.openintake.casework.audit.AuditLog;
import org.openintake.casework.caserecord.CaseRecord;
import org.openintake.casework.caserecord.CaseRecords;
import org.openintake.casework.caserecord.Timeline;
import org.openintake.casework.signin.StaffAuthorities;
import org.openintake.casework.signin.StaffMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page, where staff read a case: who to call and how, the answers with crisis words
 * highlighted, scores, rationale, timeline, and the actions. Every opening is audited, whether it
 * was shown, refused or asked for a case that does not exist.
 */
@Controller
class CaseController {

	static final String CASE_ID = "{caseId:[A-Za-z0-9-]{1,64}}";

	private final CaseRecords cases;

	private final AuditLog audit;

	private final CasePage page;

	private final BreakGlass breakGlass;

	private final Timeline timeline;

	CaseController(CaseRecords cases, AuditLog audit, CasePage page, BreakGlass breakGlass, Timeline timeline) {
		this.cases = cases;
		this.audit = audit;
		this.page = page;
		this.breakGlass = breakGlass;
		this.timeline = timeline;
	}

	@GetMapping("/staff/cases/" + CASE_ID)
	String caseRecord(@AuthenticationPrincipal OidcUser user, @PathVariable String caseId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		var record = this.cases.findInScope(caseId, staff);
		if (record.isPresent()) {
			this.audit.record(staff, AuditAction.VIEW_CASE, caseId, AuditLog.Outcome.OK, null, request.getRemoteAddr());
			this.timeline.viewed(caseId, staff.subject(), staff.name());
			return this.page.render(record.get(), staff, model);
		}
		return notShown(staff, caseId, request, response, model);
	}

	@PostMapping("/staff/cases/" + CASE_ID + "/break-glass")
	String breakGlass(@AuthenticationPrincipal OidcUser user, @PathVariable String caseId,
			@RequestParam(defaultValue = "") String reason, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		String refusal = this.breakGlass.grant(staff, caseId, reason, request.getRemoteAddr());
		if (refusal != null) {
			this.audit.record(staff, AuditAction.BREAK_GLASS, caseId, AuditLog.Outcome.REFUSED, refusal,
					request.getRemoteAddr());
			model.addAttribute("error", refusal);
			return notShown(staff, caseId, request, response, model);
		}
		redirect.addFlashAttribute("message", "Break-glass access granted and recorded. Leads can see it.");
		return "redirect:/staff/cases/" + caseId;
	}

	private String notShown(StaffMember staff, String caseId, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		model.addAttribute("staff", staff);
		model.addAttribute("caseId", caseId);
		if (this.cases.exists(caseId)) {
			this.audit.record(staff, AuditAction.VIEW_CASE, caseId, AuditLog.Outcome.DENIED, null,
					request.getRemoteAddr());
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return "not-in-scope";
		}
		this.audit.record(staff, AuditAction.VIEW_CASE, caseId, AuditLog.Outcome.NOT_FOUND, null,
				request.getRemoteAddr());
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "no-such-case";
	}

}
