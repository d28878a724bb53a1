package org.openintake.identity;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** The provider's endpoints, its login form, and what goes into an ID token. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** Authorities that carry a group, so that the token customizer can tell them from others. */
	static final String GROUP_PREFIX = "GROUP_";

	@Bean
	SecurityFilterChain identityProvider(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/error").permitAll()
			.anyRequest()
			.authenticated())
			.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService staffAccounts(StaffAccounts accounts, PasswordEncoder encoder) {
		List<UserDetails> users = accounts.accounts()
			.stream()
			.map(account -> User.withUsername(account.username())
				.password(encoder.encode(account.password()))
				.authorities(account.groups().stream().map(group -> GROUP_PREFIX + group).toArray(String[]::new))
				.build())
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

	/** ID tokens carry the person's display name and groups; relying parties map groups to roles. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> groupsInIdToken(StaffAccounts accounts) {
		return context -> {
			if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
					|| !context.getAuthorizedScopes().contains(OidcScopes.OPENID)) {
				return;
			}
			String username = context.getPrincipal().getName();
			List<String> groups = context.getPrincipal()
				.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.filter(authority -> authority.startsWith(GROUP_PREFIX))
				.map(authority -> authority.substring(GROUP_PREFIX.length()))
				.toList();
			context.getClaims().claim("groups", groups).claim("preferred_username", username);
			accounts.accounts()
				.stream()
				.filter(account -> account.username().equals(username))
				.findFirst()
				.ifPresent(account -> context.getClaims().claim("name", account.name()));
		};
	}

}
