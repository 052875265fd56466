package dev.milepost.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date or timestamp a client sends must lie within the {@linkplain SupportedDates supported
 * range}. Every {@code LocalDate} and {@code Instant} field of a request body carries it;
 * {@code RequestFieldGuardTests} fails for one that does not.
 */
@Documented
@Constraint(validatedBy = { SupportedDate.ForDate.class, SupportedDate.ForInstant.class })
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SupportedDate {

	String message() default "must be a date " + SupportedDates.RANGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a date; no date at all is for {@code @NotNull} to refuse. */
	class ForDate implements ConstraintValidator<SupportedDate, LocalDate> {

		@Override
		public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
			return date == null || SupportedDates.contains(date);
		}

	}

	/** Checks a timestamp; no timestamp at all is for {@code @NotNull} to refuse. */
	class ForInstant implements ConstraintValidator<SupportedDate, Instant> {

		@Override
		public boolean isValid(Instant instant, ConstraintValidatorContext context) {
			return instant == null || SupportedDates.contains(instant);
		}

	}

}
