package org.openintake.localstack;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;

/** A test that drives Debian's headless Chromium; skipped where /usr/bin/chromedriver is not installed. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@EnabledIf(value = "org.openintake.localstack.Browser#available",
		disabledReason = "needs Debian's chromium and chromium-driver (/usr/bin/chromedriver)")
@interface BrowserTest {
}
