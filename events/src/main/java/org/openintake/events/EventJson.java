package org.openintake.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/** How every reader parses events: the contract's "readers tolerate what a newer writer adds". */
public final class EventJson {

	private EventJson() {
	}

	/**
	 * {@code mapper} with unknown fields ignored and unknown enum values read as null, so that a
	 * new field or a new flag category never makes a case unreadable.
	 */
	public static JsonMapper tolerant(JsonMapper mapper) {
		return mapper.rebuild()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
			.build();
	}

}
