package org.openintake.identity;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo staff accounts, given at start ({@code --idp.accounts[0].username=...}); the local run
 * generates every password and prints it. Groups travel in the ID token's {@code groups} claim,
 * the way Keycloak's group mapper or Entra ID's group claims do.
 */
@Validated
@ConfigurationProperties("idp")
record StaffAccounts(@NotEmpty List<Account> accounts) {

	record Account(@NotBlank String username, @NotBlank @Size(min = 12) String password, @NotBlank String name,
			List<String> groups) {

		Account {
			groups = groups == null ? List.of() : List.copyOf(groups);
		}

	}

}
