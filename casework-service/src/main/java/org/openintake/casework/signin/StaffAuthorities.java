package org.openintake.casework.signin;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openintake.casework.CaseworkProperties;
import org.openintake.events.Track;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Turns the provider's groups into this service's authorities, and authorities into a {@link StaffMember}. */
public final class StaffAuthorities {

	public static final String LEAD = "ROLE_LEAD";

	public static final String ON_CALL = "ROLE_ONCALL";

	private static final String TRACK_PREFIX = "TRACK_";

	private StaffAuthorities() {
	}

	/** The authorities of a person in these groups; groups this service does not know give none. */
	static Set<GrantedAuthority> fromGroups(Collection<String> groups, CaseworkProperties.Signin signin) {
		Set<GrantedAuthority> authorities = new HashSet<>();
		for (String group : groups) {
			if (group.equals(signin.leadGroup())) {
				authorities.add(new SimpleGrantedAuthority(LEAD));
			}
			if (group.equals(signin.onCallGroup())) {
				authorities.add(new SimpleGrantedAuthority(ON_CALL));
			}
			for (Track track : Track.values()) {
				if (group.equals(signin.groupOf(track))) {
					authorities.add(new SimpleGrantedAuthority(TRACK_PREFIX + track.name()));
				}
			}
		}
		return authorities;
	}

	/** The signed-in person as this service sees them. */
	public static StaffMember staffMember(OidcUser user) {
		Set<String> authorities = new HashSet<>();
		user.getAuthorities().forEach(authority -> authorities.add(authority.getAuthority()));
		Set<Track> tracks = EnumSet.noneOf(Track.class);
		for (Track track : Track.values()) {
			if (authorities.contains(TRACK_PREFIX + track.name())) {
				tracks.add(track);
			}
		}
		String name = user.getFullName() != null ? user.getFullName()
				: user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
		return new StaffMember(user.getSubject(), name, authorities.contains(LEAD), authorities.contains(ON_CALL),
				tracks);
	}

	static List<String> groupsClaim(OidcUser user, String claim) {
		List<String> groups = user.getClaimAsStringList(claim);
		return groups != null ? groups : List.of();
	}

}
