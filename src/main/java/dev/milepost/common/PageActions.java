package dev.milepost.common;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * A small form on a page that does one thing (achieve a milestone, ask for an approval). Sent by
 * htmx, the answer is the {@code fragments/layout :: outcome} fragment: what was done, or the
 * refusal's reason with 422, shown in place. Sent without script, success redirects back to the
 * page and a refusal shows the error page. Access refusals (403, 404) are never turned into text.
 */
public final class PageActions {

	static final String FRAGMENT = "fragments/layout :: outcome";

	private PageActions() {
	}

	/**
	 * Runs the action and answers as above; {@code done} is the message on success,
	 * {@code back} the page to return to without htmx.
	 */
	public static String run(HttpServletRequest request, HttpServletResponse response, Model model, Runnable action,
			String done, String back) {
		boolean htmx = "true".equals(request.getHeader("HX-Request"));
		try {
			action.run();
		}
		catch (MilepostException e) {
			if (!htmx || e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("ok", false);
			model.addAttribute("message", reason(e));
			return FRAGMENT;
		}
		if (!htmx) {
			return "redirect:" + back;
		}
		model.addAttribute("ok", true);
		model.addAttribute("message", done);
		return FRAGMENT;
	}

	/** The refusal's message and, where they add to it, the messages of its fields. */
	public static String reason(MilepostException e) {
		Set<String> parts = new LinkedHashSet<>();
		parts.add(e.getMessage());
		e.fieldErrors().forEach(error -> parts.add(error.message()));
		return String.join(" ", parts);
	}

}
