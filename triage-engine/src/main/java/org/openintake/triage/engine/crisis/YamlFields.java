package org.openintake.triage.engine.crisis;

import java.util.List;
import java.util.Map;

/** Reading one entry of a data file (lexicon or frames), with an error that names the file and the entry. */
final class YamlFields {

	private YamlFields() {
	}

	static String require(Map<String, Object> map, String key, String where) {
		Object value = map.get(key);
		if (value == null) {
			throw new IllegalStateException(where + ": missing " + key);
		}
		return String.valueOf(value);
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Map<String, Object> map, String key, String where) {
		Object value = map.get(key);
		if (!(value instanceof List)) {
			throw new IllegalStateException(where + ": " + key + " must be a list");
		}
		return (List<Object>) value;
	}

}
