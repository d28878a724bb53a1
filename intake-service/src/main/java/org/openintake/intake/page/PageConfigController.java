package org.openintake.intake.page;

import java.time.Duration;

import org.openintake.intake.submission.IntakeProperties;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/page-config}: what the static page needs to know about its deployment (where
 * notification-service is), served as JSON because the CSP forbids inline script.
 */
@RestController
class PageConfigController {

	record PageConfig(String notificationBaseUrl) {
	}

	private final PageConfig config;

	PageConfigController(IntakeProperties properties) {
		this.config = new PageConfig(properties.links().notificationBaseUrl().replaceAll("/+$", ""));
	}

	@GetMapping("/api/page-config")
	ResponseEntity<PageConfig> config() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(config);
	}

}
