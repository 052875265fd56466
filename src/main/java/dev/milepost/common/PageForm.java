package dev.milepost.common;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * What is wrong with a form submitted on a page, field by field, in the API's words: the request's
 * bean-validation constraints and the services' refusals. Like the plan's task and milestone
 * forms, a refused form comes back with 422 and the reasons beside its fields; refusals of access
 * (403, 404) are no form errors and go to the error page.
 */
public final class PageForm {

	private final Map<String, String> byField = new LinkedHashMap<>();

	private final java.util.function.UnaryOperator<String> fieldNames;

	private String message;

	public PageForm() {
		this(java.util.function.UnaryOperator.identity());
	}

	/** With {@code fieldNames} turning the API's field paths into the form's field names. */
	public PageForm(java.util.function.UnaryOperator<String> fieldNames) {
		this.fieldNames = fieldNames;
	}

	public boolean any() {
		return !byField.isEmpty() || message != null;
	}

	public Map<String, String> byField() {
		return byField;
	}

	public String message() {
		return message;
	}

	public void add(String field, String text) {
		byField.putIfAbsent(fieldNames.apply(field), text);
	}

	/** A refusal that names no field, shown above the form. */
	public void message(String text) {
		message = text;
	}

	public <T> PageForm violations(Set<ConstraintViolation<T>> violations) {
		violations.stream()
			.sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
			.forEach(v -> add(v.getPropertyPath().toString(), v.getMessage()));
		return this;
	}

	/** A refusal from a service: its fields beside the fields, or its message above the form. */
	public void refusal(MilepostException e) {
		if (e.fieldErrors().isEmpty()) {
			message = e.getMessage();
		}
		for (FieldError error : e.fieldErrors()) {
			add(error.field(), error.message());
		}
	}

	/** Puts {@code errors} and {@code message} where the form fragments look for them. */
	public void addTo(Model model) {
		model.addAttribute("errors", byField);
		model.addAttribute("message", message);
	}

	/**
	 * Saves when the form has no errors yet and answers {@code done}; otherwise, or when the service
	 * refuses, answers 422 with {@code formAgain}. Refusals of access propagate.
	 */
	public String submit(Runnable save, Supplier<String> done, HttpServletResponse response,
			Supplier<String> formAgain) {
		if (!any()) {
			try {
				save.run();
				return done.get();
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

	/** Whether htmx sent the request (it then wants a fragment, not a whole page or a redirect). */
	public static boolean fromHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	/** Text of a form field or null when blank. */
	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
