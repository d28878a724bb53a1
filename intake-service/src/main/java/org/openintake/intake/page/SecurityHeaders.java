package org.openintake.intake.page;

import java.net.URI;

import org.openintake.intake.submission.IntakeProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Security headers on every response. The page runs only its own scripts (no inline script, no
 * CDN) and talks only to this service and notification-service (helplines, case outcome), so
 * the CSP can be strict; it may not be framed, and leaks no referrer.
 */
@Component
class SecurityHeaders implements WebFilter {

	private final String contentSecurityPolicy;

	SecurityHeaders(IntakeProperties properties) {
		this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				+ "font-src 'self'; connect-src 'self' " + origin(properties.links().notificationBaseUrl())
				+ "; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
	}

	/** The scheme://host:port of a URL, the form a CSP source needs. */
	static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set("Content-Security-Policy", contentSecurityPolicy);
		headers.set("Referrer-Policy", "no-referrer");
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("X-Frame-Options", "DENY");
		headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
		headers.set("Cross-Origin-Opener-Policy", "same-origin");
		return chain.filter(exchange);
	}

}
