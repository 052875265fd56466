package dev.milepost.common;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters, path variables and form fields are read by the same rules as JSON bodies:
 * dates and timestamps only in the documented form and within the {@linkplain SupportedDates
 * supported range}, text only if {@linkplain StorableText storable}. A refusal becomes a 400 that
 * names the parameter (a 404 for a path variable), from {@link ApiExceptionHandler} or, on pages,
 * {@link PageErrors}.
 */
final class RequestParameters {

	private RequestParameters() {
	}

	@Configuration(proxyBeanMethods = false)
	static class DateFormats implements WebMvcConfigurer {

		@Override
		public void addFormatters(FormatterRegistry registry) {
			registry.addFormatterForFieldType(LocalDate.class, new IsoFormatter<>(SupportedDates::parseDate));
			registry.addFormatterForFieldType(Instant.class, new IsoFormatter<>(SupportedDates::parseInstant));
		}

	}

	@ControllerAdvice
	static class TextBinding {

		@InitBinder
		void storableText(WebDataBinder binder) {
			binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

				@Override
				public void setAsText(String text) {
					setValue(text == null ? null : StorableText.check(text));
				}

				@Override
				public String getAsText() {
					return getValue() == null ? "" : getValue().toString();
				}

			});
		}

	}

	/** Prints the ISO form ({@code toString}) and parses through {@link SupportedDates}. */
	private record IsoFormatter<T>(java.util.function.Function<String, T> parser) implements Formatter<T> {

		@Override
		public String print(T value, Locale locale) {
			return value.toString();
		}

		@Override
		public T parse(String text, Locale locale) {
			return parser.apply(text);
		}

	}

}
