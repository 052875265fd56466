package dev.milepost.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.milepost.common.FieldError;
import dev.milepost.common.JsonProblems;
import dev.milepost.common.MergePatch;
import dev.milepost.common.MilepostException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.common.UnsupportedValueException;
import jakarta.validation.Valid;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every date and every text a client can send, found from the code ({@link RequestFields}), is
 * guarded: a date outside the supported range (1900-01-01 to 2199-12-31: {@code @SupportedDate} on
 * a body's field, the formatters for a query parameter), text holding a NUL or a lone surrogate,
 * and a number or boolean where text belongs are each refused naming the field. A new request
 * field, or a new kind of date, that nothing guards fails this test.
 */
class RequestFieldGuardTests extends BadInputSuite {

	private static final List<String> INSTANTS_OUT_OF_RANGE = List.of("-999999999-01-01T00:00:00Z",
			"+999999999-12-31T23:59:59Z", "1582-10-10T00:00:00Z", "1899-12-31T23:59:59Z", "2200-01-01T00:00:00Z");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Autowired
	JsonMapper mapper;

	@Autowired
	MergePatch mergePatch;

	@Autowired
	@Qualifier("mvcConversionService")
	FormattingConversionService conversions;

	@Test
	void everyFieldOfEveryRequestBodyIsOfAKindThisSuiteGuards() {
		List<RequestFields.BodyField> unknown = RequestFields.bodyTypes(handlers)
			.stream()
			.flatMap(body -> RequestFields.fieldsOf(body).stream())
			.filter(field -> !RequestFields.isKnownLeaf(field.type())
					|| RequestFields.isTemporal(field.type()) && !isGuardedDate(field.type()))
			.toList();
		assertThat(unknown).as("request fields of a kind the checks below do not cover (a date must be a LocalDate "
				+ "or an Instant)").isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyDateInARequestBodyIsRefusedOutsideTheSupportedRange() {
		return bodyFields().filter(field -> isGuardedDate(field.type())).map(field -> {
			boolean date = field.type() == LocalDate.class;
			List<String> bad = date ? BadInputValuesApiTests.OUT_OF_RANGE : INSTANTS_OUT_OF_RANGE;
			String edge = date ? "\"2199-12-31\"" : "\"2199-12-31T23:59:59Z\"";
			return DynamicTest.dynamicTest(field.toString(), () -> {
				for (String value : bad) {
					assertThat(violations(field, "\"" + value + "\"")).as("%s = %s is refused", field, value)
						.contains(field.path());
				}
				assertThat(violations(field, edge)).as("%s = %s is accepted", field, edge).doesNotContain(field.path());
			});
		});
	}

	/** Bean validation guards a body only where the handler asks for it. */
	@Test
	void everyRequestBodyWithADateIsValidated() {
		List<String> unvalidated = new ArrayList<>();
		handlers.getHandlerMethods().values().forEach(handler -> {
			for (Parameter parameter : handler.getMethod().getParameters()) {
				boolean hasDates = parameter.isAnnotationPresent(RequestBody.class)
						&& RequestFields.fieldsOf(parameter.getType())
							.stream()
							.anyMatch(field -> RequestFields.isTemporal(field.type()));
				if (hasDates && !parameter.isAnnotationPresent(Valid.class)) {
					unvalidated.add(handler.toString());
				}
			}
		});
		assertThat(unvalidated).as("handlers reading a body with dates but no @Valid").isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyTextInARequestBodyRefusesWhatIsNotText() {
		return bodyFields().filter(field -> field.type() == String.class)
			.map(field -> DynamicTest.dynamicTest(field.toString(), () -> {
				BadInputValuesApiTests.NOT_TEXT.values().forEach(value -> assertRefused(field, value));
				assertNotRefused(field, "\"Caf\\u00e9 \\ud83d\\ude80\"");
			}));
	}

	@TestFactory
	Stream<DynamicTest> everyDateQueryParameterIsRefusedOutsideTheSupportedRange() {
		return RequestFields.queryParameters(handlers)
			.stream()
			.filter(parameter -> RequestFields.isTemporal(parameter.parameter().getParameterType()))
			.map(parameter -> DynamicTest.dynamicTest(parameter.toString(), () -> {
				Class<?> type = parameter.parameter().getParameterType();
				assertThat(isGuardedDate(type)).as("a LocalDate or Instant").isTrue();
				TypeDescriptor target = new TypeDescriptor(parameter.parameter());
				List<String> bad = type == LocalDate.class ? BadInputValuesApiTests.OUT_OF_RANGE : INSTANTS_OUT_OF_RANGE;
				for (String value : bad) {
					try {
						conversions.convert(value, TypeDescriptor.valueOf(String.class), target);
						fail(parameter + " accepted " + value);
					}
					catch (ConversionFailedException e) {
						assertThat(e).as(value)
							.rootCause()
							.isInstanceOf(UnsupportedValueException.class)
							.hasMessageContaining("1900-01-01");
					}
				}
				String edge = type == LocalDate.class ? "2199-12-31" : "2199-12-31T23:59:59Z";
				assertThat(conversions.convert(edge, TypeDescriptor.valueOf(String.class), target)).isNotNull();
			}));
	}

	private Stream<RequestFields.BodyField> bodyFields() {
		return RequestFields.bodyTypes(handlers).stream().flatMap(body -> RequestFields.fieldsOf(body).stream());
	}

	private void assertRefused(RequestFields.BodyField field, String value) {
		MilepostException problem = read(field, value);
		assertThat(problem).as("%s = %s is refused", field, value).isNotNull();
		assertThat(problem.fieldErrors()).as("%s = %s: the refusal names the field", field, value)
			.extracting(FieldError::field)
			.containsExactly(field.path());
	}

	/** A good value may still fail for another field missing from the body, but not for this one. */
	private void assertNotRefused(RequestFields.BodyField field, String value) {
		MilepostException problem = read(field, value);
		if (problem != null) {
			assertThat(problem.fieldErrors()).as("%s = %s is accepted: %s", field, value, problem.getMessage())
				.extracting(FieldError::field)
				.doesNotContain(field.path());
		}
	}

	/** The fields bean validation refuses in a body holding only {@code value} at the field's path. */
	private List<String> violations(RequestFields.BodyField field, String value) {
		Object body;
		try {
			body = mapper.readValue(json(field, value), field.body());
		}
		catch (RuntimeException e) {
			throw new AssertionError(field + " = " + value + " cannot even be read", e);
		}
		try {
			mergePatch.validate(body);
			return List.of();
		}
		catch (RuleViolationException e) {
			return e.fieldErrors().stream().map(FieldError::field).toList();
		}
	}

	private String json(RequestFields.BodyField field, String value) {
		return mapper.writeValueAsString(RequestFields.bodyWith(field.path(), "@@value@@"))
			.replace("\"@@value@@\"", value);
	}

	private MilepostException read(RequestFields.BodyField field, String value) {
		try {
			mapper.readValue(json(field, value), field.body());
			return null;
		}
		catch (JacksonException e) {
			return JsonProblems.toProblem(e);
		}
		catch (MilepostException e) {
			return e;
		}
		catch (RuntimeException e) {
			// a compact constructor refusing the otherwise empty body
			return null;
		}
	}

	private static boolean isGuardedDate(Class<?> type) {
		return type == LocalDate.class || type == Instant.class;
	}

}
