package dev.milepost.common;

import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals on pages as a page with the status and the message, where the API answers
 * problem+json. A module's page package extends it with
 * {@code @ControllerAdvice(basePackageClasses = ...)} and a higher precedence than the API's
 * handler, so it applies to that package's controllers only.
 */
public abstract class PageErrors {

	@ExceptionHandler(MilepostException.class)
	public ModelAndView refused(MilepostException e) {
		return page(e.status(), e.getMessage());
	}

	/**
	 * A malformed id in the address names nothing: 404, as the API answers; a query or form
	 * parameter that cannot be read is a 400 saying which and why.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	public ModelAndView mismatch(MethodArgumentTypeMismatchException e) {
		if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return page(HttpStatus.NOT_FOUND, "Nothing exists at this address.");
		}
		return refused(ApiExceptionHandler.invalidParameter(e));
	}

	/** A form field that cannot be read as sent (text holding a NUL, say): a page saying which and why. */
	@ExceptionHandler(BindException.class)
	public ModelAndView unreadableForm(BindException e) {
		return page(HttpStatus.BAD_REQUEST, "The form cannot be read: " + e.getFieldErrors()
			.stream()
			.map(error -> "'" + error.getField() + "' " + ApiExceptionHandler.messageOf(error))
			.collect(Collectors.joining("; ")) + ".");
	}

	/** The database refused a write: a page saying so, never a duplicate when it was a bad value. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	public ModelAndView databaseRefused(DataIntegrityViolationException e) {
		return refused(DatabaseRefusals.of(e));
	}

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		return page;
	}

}
