package org.openintake.notification.web;

import org.openintake.notification.NotificationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** The patient page (served by intake-service) reads helplines and the case outcome from here. */
@Configuration(proxyBeanMethods = false)
class CorsConfig implements WebFluxConfigurer {

	private final NotificationProperties properties;

	CorsConfig(NotificationProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		String[] origins = this.properties.cors().allowedOrigins().toArray(String[]::new);
		registry.addMapping("/api/helplines").allowedOrigins(origins).allowedMethods("GET");
		registry.addMapping("/api/cases/*/outcome")
			.allowedOrigins(origins)
			.allowedMethods("GET")
			.allowedHeaders(HttpHeaders.AUTHORIZATION);
	}

}
