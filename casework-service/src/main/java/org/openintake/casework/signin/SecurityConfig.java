package org.openintake.casework.signin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Staff sign in at the clinic's OIDC provider ({@code oauth2Login}); this service stores no
 * password. Every page but the sign-out notice needs a signed-in person; what they see is then
 * scoped by role in each query. CSRF protection is on for every form, and the content security
 * policy allows nothing but this service's own stylesheet and scripts (the reports' charting
 * library is a webjar served from here): no inline script, no third-party assets.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	@Bean
	SecurityFilterChain staffPages(HttpSecurity http, StaffOidcUserService users,
			@Value("${management.server.port:-1}") int managementPort) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.svg", "/signed-out", "/error")
			.permitAll()
			// health and metrics, on the management port only (bound to 127.0.0.1; no personal data)
			.requestMatchers(request -> request.getLocalPort() == managementPort)
			.permitAll()
			.requestMatchers("/staff/audit/**")
			.hasAuthority(StaffAuthorities.LEAD)
			.anyRequest()
			.authenticated())
			.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users)))
			.logout(logout -> logout.logoutSuccessUrl("/signed-out"))
			.exceptionHandling(errors -> errors.accessDeniedPage("/denied"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				// Spring Security's default Cache-Control: no-store stays on: no page is kept by a browser or proxy
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

}
