package org.openintake.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The text holds at least one letter or digit in any script. {@code @NotBlank} trims only ASCII
 * spaces and controls, so a value of ideographic, no-break or zero-width spaces passes it and
 * leaves staff with a name nobody can call back. {@code null} is valid (pair with {@code @NotNull}
 * or {@code @NotBlank} where a value is required).
 */
@Documented
@Constraint(validatedBy = HasText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface HasText {

	String message() default "must contain a letter or digit";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<HasText, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || value.codePoints().anyMatch(Character::isLetterOrDigit);
		}

	}

}
