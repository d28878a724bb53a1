package org.openintake.casework.actions;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openintake.casework.audit.AuditAction;
import org.openintake.casework.audit.AuditLog;
import org.openintake.casework.caserecord.CaseRecords;
import org.openintake.casework.caseview.CasePage;
import org.openintake.casework.signin.StaffAuthorities;
import org.openintake.casework.signin.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's forms. A done action redirects back to the case with what happened; a refused
 * one shows the case again with the reason, under the matching HTTP status, and is audited as
 * refused. The CSRF token is checked before any of this runs.
 */
@Controller
@RequestMapping("/staff/cases/{caseId:[A-Za-z0-9-]{1,64}}")
class ActionsController {

	private final CaseActions actions;

	private final CaseRecords cases;

	private final CasePage page;

	private final AuditLog audit;

	ActionsController(CaseActions actions, CaseRecords cases, CasePage page, AuditLog audit) {
		this.actions = actions;
		this.cases = cases;
		this.page = page;
		this.audit = audit;
	}

	@PostMapping("/acknowledge")
	String acknowledge(@AuthenticationPrincipal OidcUser user, @PathVariable String caseId, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		return perform(staff, caseId, AuditAction.ACKNOWLEDGE, request, response, model, redirect,
				() -> this.actions.acknowledge(staff, caseId, request.getRemoteAddr()));
	}

	@PostMapping("/claim")
	String claim(@AuthenticationPrincipal OidcUser user, @PathVariable String caseId,
			@RequestParam(defaultValue = "-1") int version, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		return perform(staff, caseId, AuditAction.CLAIM, request, response, model, redirect,
				() -> this.actions.claim(staff, caseId, version, request.getRemoteAddr()));
	}

	@PostMapping("/assign")
	String assign(@AuthenticationPrincipal OidcUser user, @PathVariable String caseId,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String assignee,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		return perform(staff, caseId, AuditAction.ASSIGN, request, response, model, redirect,
				() -> this.actions.assign(staff, caseId, version, assignee, request.getRemoteAddr()));
	}

	@PostMapping("/release")
	String release(@AuthenticationPrincipal OidcUser user, @PathVariable String caseId,
			@RequestParam(defaultValue = "-1") int version, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		return perform(staff, caseId, AuditAction.RELEASE, request, response, model, redirect,
				() -> this.actions.release(staff, caseId, version, request.getRemoteAddr()));
	}

	@PostMapping("/status")
	String status(@AuthenticationPrincipal OidcUser user, @PathVariable String caseId,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String status,
			@RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		return perform(staff, caseId, AuditAction.STATUS_CHANGE, request, response, model, redirect,
				() -> this.actions.changeStatus(staff, caseId, version, status, reason, request.getRemoteAddr()));
	}

	@PostMapping("/track")
	String track(@AuthenticationPrincipal OidcUser user, @PathVariable String caseId,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String track,
			@RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		return perform(staff, caseId, AuditAction.TRACK_CHANGE, request, response, model, redirect,
				() -> this.actions.changeTrack(staff, caseId, version, track, reason, request.getRemoteAddr()));
	}

	@PostMapping("/notes")
	String note(@AuthenticationPrincipal OidcUser user, @PathVariable String caseId,
			@RequestParam(required = false) String note, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		StaffMember staff = StaffAuthorities.staffMember(user);
		return perform(staff, caseId, AuditAction.NOTE, request, response, model, redirect,
				() -> this.actions.addNote(staff, caseId, note, request.getRemoteAddr()));
	}

	private String perform(StaffMember staff, String caseId, AuditAction action, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect, Supplier<String> work) {
		try {
			String done = work.get();
			if (this.cases.findInScope(caseId, staff).isEmpty()) {
				// e.g. a track change handed the case to another team
				redirect.addFlashAttribute("message", done + " The case has left your inbox.");
				return "redirect:/staff/cases";
			}
			redirect.addFlashAttribute("message", done);
			return "redirect:/staff/cases/" + caseId;
		}
		catch (ActionRefused refused) {
			AuditLog.Outcome outcome = switch (refused.status()) {
				case FORBIDDEN -> AuditLog.Outcome.DENIED;
				case NOT_FOUND -> AuditLog.Outcome.NOT_FOUND;
				default -> AuditLog.Outcome.REFUSED;
			};
			this.audit.record(staff, action, caseId, outcome, refused.getMessage(), request.getRemoteAddr());
			response.setStatus(refused.status().value());
			model.addAttribute("error", refused.getMessage());
			var record = this.cases.findInScope(caseId, staff);
			if (record.isEmpty()) {
				model.addAttribute("staff", staff);
				model.addAttribute("caseId", caseId);
				return refused.status() == HttpStatus.NOT_FOUND ? "no-such-case" : "not-in-scope";
			}
			return this.page.render(record.get(), staff, model);
		}
	}

}
