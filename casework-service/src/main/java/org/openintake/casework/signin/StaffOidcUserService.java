package org.openintake.casework.signin;

import java.util.HashSet;
import java.util.Set;

import org.openintake.casework.CaseworkProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Signs a person in with the roles their groups give, and remembers them so that cases can be
 * assigned to them. The roles are read at each sign-in: a person removed from a group at the
 * provider loses the role at their next sign-in (sessions end after 15 idle minutes).
 */
@Component
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final CaseworkProperties properties;

	private final StaffDirectory directory;

	StaffOidcUserService(CaseworkProperties properties, StaffDirectory directory) {
		this.properties = properties;
		this.directory = directory;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = this.delegate.loadUser(request);
		Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
		authorities.addAll(StaffAuthorities
			.fromGroups(StaffAuthorities.groupsClaim(user, this.properties.signin().groupsClaim()), this.properties.signin()));
		DefaultOidcUser signedIn = new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
		this.directory.signedIn(StaffAuthorities.staffMember(signedIn));
		return signedIn;
	}

}
