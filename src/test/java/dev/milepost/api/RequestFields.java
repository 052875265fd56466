package dev.milepost.api;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.milepost.common.MergePatch;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every value a client can send the API, found from the code rather than listed by hand: the
 * fields of every request body (the {@code @RequestBody} records and the records a merge patch is
 * read into), down through nested records and lists, and every query parameter. A field added
 * tomorrow is in here without anyone remembering to add it.
 */
final class RequestFields {

	/** One value in a request body: the body's type, the field's path in it, and its type. */
	record BodyField(Class<?> body, String path, Class<?> type) {

		@Override
		public String toString() {
			return body.getName().replaceFirst("^dev\\.milepost\\.", "") + " " + path + " (" + type.getSimpleName()
					+ ")";
		}

	}

	/** A query parameter of a handler method, with its declared type. */
	record QueryParameter(HandlerMethod handler, MethodParameter parameter) {

		@Override
		public String toString() {
			return handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName() + "("
					+ parameter.getParameterName() + ": " + parameter.getParameterType().getSimpleName() + ")";
		}

	}

	private static final Set<Class<?>> SCALARS = Set.of(String.class, Integer.class, int.class, Long.class,
			long.class, Boolean.class, boolean.class, Double.class, double.class, java.math.BigDecimal.class,
			UUID.class, Object.class);

	private RequestFields() {
	}

	/** The body types the API reads: declared {@code @RequestBody} records and merge-patch targets. */
	static Set<Class<?>> bodyTypes(RequestMappingHandlerMapping mapping) {
		Set<Class<?>> types = new LinkedHashSet<>();
		for (HandlerMethod handler : handlers(mapping)) {
			for (Parameter parameter : handler.getMethod().getParameters()) {
				if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType() != JsonNode.class
						&& parameter.getType() != String.class) {
					types.add(parameter.getType());
				}
			}
		}
		types.addAll(mergePatchTargets());
		return types;
	}

	/** The fields of a body type, to the leaves, with paths as a problem names them. */
	static List<BodyField> fieldsOf(Class<?> body) {
		List<BodyField> fields = new ArrayList<>();
		walk(body, ResolvableType.forClass(body), "", fields, new LinkedHashSet<>());
		return fields;
	}

	/** Parameters read from the query string or a form, of every handler (the API's and the pages'). */
	static List<QueryParameter> queryParameters(RequestMappingHandlerMapping mapping) {
		List<QueryParameter> parameters = new ArrayList<>();
		for (HandlerMethod handler : handlers(mapping)) {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				// a simple type without annotation is a request parameter too
				if (parameter.hasParameterAnnotation(RequestParam.class) || !parameter.hasParameterAnnotations()
						&& BeanUtils.isSimpleProperty(parameter.getParameterType())) {
					parameters.add(new QueryParameter(handler, parameter));
				}
			}
		}
		return parameters;
	}

	static boolean isTemporal(Class<?> type) {
		// DayOfWeek and Month are enums, read by name
		return !type.isEnum() && (Temporal.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)
				|| java.util.Calendar.class.isAssignableFrom(type) || type.getName().startsWith("java.time."));
	}

	private static List<HandlerMethod> handlers(RequestMappingHandlerMapping mapping) {
		return mapping.getHandlerMethods()
			.values()
			.stream()
			.filter(handler -> handler.getBeanType().getName().startsWith("dev.milepost."))
			.toList();
	}

	/**
	 * The records a merge patch is read into, from the class literals of every method that calls
	 * {@link MergePatch#apply}: those bodies are declared as {@code JsonNode}, so the handler's
	 * signature does not show them.
	 */
	private static Set<Class<?>> mergePatchTargets() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.milepost");
		Set<Class<?>> targets = new LinkedHashSet<>();
		for (JavaClass type : classes) {
			for (JavaCodeUnit unit : type.getCodeUnits()) {
				boolean patches = unit.getMethodCallsFromSelf()
					.stream()
					.anyMatch(call -> call.getTargetOwner().isEquivalentTo(MergePatch.class)
							&& call.getName().equals("apply"));
				if (patches) {
					unit.getReferencedClassObjects()
						.stream()
						.map(reference -> reference.getRawType().reflect())
						.filter(target -> target.getName().startsWith("dev.milepost."))
						.forEach(targets::add);
				}
			}
		}
		return targets;
	}

	private static void walk(Class<?> body, ResolvableType type, String path, List<BodyField> fields,
			Set<Class<?>> seen) {
		Class<?> raw = type.resolve(Object.class);
		if (Optional.class.equals(raw)) {
			walk(body, type.getGeneric(0), path, fields, seen);
		}
		else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
			ResolvableType element = raw.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
			walk(body, element, path + "[0]", fields, seen);
		}
		else if (Map.class.isAssignableFrom(raw)) {
			walk(body, type.asMap().getGeneric(1), path + ".key", fields, seen);
		}
		else if (raw.isRecord() && raw.getName().startsWith("dev.milepost.")) {
			if (!seen.add(raw)) {
				return;
			}
			for (RecordComponent component : raw.getRecordComponents()) {
				JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
				String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
				walk(body, ResolvableType.forMethodReturnType(component.getAccessor()),
						path.isEmpty() ? name : path + "." + name, fields, seen);
			}
			seen.remove(raw);
		}
		else {
			fields.add(new BodyField(body, path, raw));
		}
	}

	/** Leaves that are neither a known scalar, an enum nor a date: a reader this suite does not know. */
	static boolean isKnownLeaf(Class<?> type) {
		return SCALARS.contains(type) || type.isEnum() || isTemporal(type) || type == JsonNode.class;
	}

	/** The JSON object that holds {@code value} at {@code path} ({@code a.b[0].c}) and nothing else. */
	static Object bodyWith(String path, Object value) {
		int dot = path.indexOf('.');
		String head = dot < 0 ? path : path.substring(0, dot);
		Object rest = dot < 0 ? value : bodyWith(path.substring(dot + 1), value);
		if (head.endsWith("[0]")) {
			String name = head.substring(0, head.length() - 3);
			Map<String, Object> object = new LinkedHashMap<>();
			object.put(name, new ArrayList<>(java.util.Collections.singletonList(rest)));
			return object;
		}
		Map<String, Object> object = new LinkedHashMap<>();
		object.put(head, rest);
		return object;
	}

}
