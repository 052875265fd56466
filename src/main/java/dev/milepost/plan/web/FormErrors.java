package dev.milepost.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.milepost.common.FieldError;
import dev.milepost.common.MilepostException;
import dev.milepost.common.SupportedDates;
import dev.milepost.common.UnsupportedValueException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import org.springframework.http.HttpStatus;

/**
 * What is wrong with a submitted form, field by field, in the words the API uses: text that is not
 * a number or a date, the request's bean-validation constraints, and the domain's refusals.
 * API field paths ({@code estimate.optimistic}, {@code assignees[0]}) become the form's field names.
 */
final class FormErrors {

	private final Map<String, String> byField = new LinkedHashMap<>();

	private String message;

	boolean any() {
		return !byField.isEmpty() || message != null;
	}

	Map<String, String> byField() {
		return byField;
	}

	String message() {
		return message;
	}

	void add(String field, String text) {
		byField.putIfAbsent(formField(field), text);
	}

	Integer integer(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			add(field, "must be a whole number");
			return null;
		}
	}

	BigDecimal decimal(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			add(field, "must be a number");
			return null;
		}
	}

	LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return SupportedDates.parseDate(text.strip());
		}
		catch (UnsupportedValueException e) {
			add(field, "must be " + SupportedDates.DATE);
			return null;
		}
	}

	<T> void violations(Set<ConstraintViolation<T>> violations) {
		violations.stream()
			.sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
			.forEach(v -> add(v.getPropertyPath().toString(), v.getMessage()));
	}

	/** A refusal from a service: its fields beside the fields, or its message above the form. */
	void refusal(MilepostException e) {
		if (e.fieldErrors().isEmpty()) {
			message = e.getMessage();
		}
		for (FieldError error : e.fieldErrors()) {
			add(error.field(), error.message());
		}
	}

	/**
	 * Saves when the form has no errors yet and redirects; otherwise, or when the service refuses
	 * the request, answers 422 with the form again. Refusals of access (403, 404) are not form
	 * errors: they propagate to the error page.
	 */
	String submit(Runnable save, String redirect, HttpServletResponse response, Supplier<String> formAgain) {
		if (!any()) {
			try {
				save.run();
				return "redirect:" + redirect;
			}
			catch (MilepostException e) {
				if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
					throw e;
				}
				refusal(e);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formAgain.get();
	}

	static String formField(String apiField) {
		String field = apiField.replaceAll("\\[\\d+]", "");
		int dot = field.lastIndexOf('.');
		if (field.startsWith("estimate")) {
			return dot < 0 ? "optimistic" : field.substring(dot + 1);
		}
		return field.startsWith("criterion.") ? "criterion" + Character.toUpperCase(field.charAt(dot + 1))
				+ field.substring(dot + 2) : field;
	}

}
