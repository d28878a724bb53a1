package org.openintake.casework.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Times as staff read them, in the clinic's time zone ({@code casework.time-zone}, UTC by default); pages call it as {@code @times}. */
@Component("times")
public class Times {

	private final DateTimeFormatter dateTime;

	private final DateTimeFormatter time;

	private final DateTimeFormatter seconds;

	Times(@Value("${casework.time-zone:UTC}") ZoneId zone) {
		String name = zone.getId();
		this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '" + name + "'").withZone(zone);
		this.time = DateTimeFormatter.ofPattern("HH:mm '" + name + "'").withZone(zone);
		this.seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
	}

	public String at(Instant instant) {
		return instant == null ? "—" : this.dateTime.format(instant);
	}

	public String time(Instant instant) {
		return instant == null ? "—" : this.time.format(instant);
	}

	public String precise(Instant instant) {
		return instant == null ? "—" : this.seconds.format(instant);
	}

}
