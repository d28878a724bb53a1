package org.openintake.casework.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;

/** Pages with no data: signed out, and access denied (a missing CSRF token, a page for leads only). */
@Controller
class PlainPages {

	@GetMapping("/signed-out")
	String signedOut() {
		return "signed-out";
	}

	@RequestMapping("/denied")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied() {
		return "denied";
	}

}
