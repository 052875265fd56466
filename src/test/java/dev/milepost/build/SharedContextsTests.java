package dev.milepost.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Every Spring test class shares the context of its kind ({@code @MilepostTest} or
 * {@code @LockedDownTest}): a class that adds properties, imports, bean overrides, a nested
 * configuration or {@code @DirtiesContext} of its own starts another application, which costs the
 * whole suite its start and its background threads. This lists such classes; the few that need
 * their own context for a reason are named here with the reason.
 */
class SharedContextsTests {

	/** Test classes allowed a context of their own, and why. */
	static final Map<String, String> OWN_CONTEXT = Map.of("dev.milepost.audit.AuditApiTests",
			"moves the application's clock by hand (so it does no background work) and stands in for the plan "
					+ "module's project access");

	private static final Set<String> CLASS_LEVEL = Set.of("org.springframework.test.context.TestPropertySource",
			"org.springframework.context.annotation.Import", "org.springframework.test.context.ContextConfiguration",
			"org.springframework.test.annotation.DirtiesContext", "org.springframework.test.context.ActiveProfiles",
			"org.springframework.boot.test.context.SpringBootTest");

	private static final Set<String> MEMBER_LEVEL = Set.of(
			"org.springframework.test.context.bean.override.convention.TestBean",
			"org.springframework.test.context.bean.override.mockito.MockitoBean",
			"org.springframework.test.context.bean.override.mockito.MockitoSpyBean",
			"org.springframework.test.context.DynamicPropertySource", "org.springframework.test.annotation.DirtiesContext");

	@Test
	void springTestsShareTheirContextExceptTheNamedOnes() throws Exception {
		List<String> own = new ArrayList<>();
		for (Class<?> type : springTests()) {
			List<String> why = changes(type);
			if (!why.isEmpty() && !OWN_CONTEXT.containsKey(type.getName())) {
				own.add(type.getName() + " " + why);
			}
		}
		assertThat(own).as("test classes that start a context of their own; share the one of their kind "
				+ "(add a fixture to @MilepostTest's imports, or use @LockedDownTest) or name the class and "
				+ "the reason in OWN_CONTEXT").isEmpty();
	}

	@Test
	void theNamedOnesStillNeedTheirOwn() throws Exception {
		for (String name : OWN_CONTEXT.keySet()) {
			assertThat(changes(Class.forName(name))).as(name + " is named as needing its own context").isNotEmpty();
		}
	}

	/** What in the class itself makes its context differ from the one of its kind. */
	private static List<String> changes(Class<?> type) {
		List<String> why = new ArrayList<>();
		direct(type, CLASS_LEVEL, why);
		Stream.of(type.getDeclaredFields()).forEach(field -> direct(field, MEMBER_LEVEL, why));
		Stream.of(type.getDeclaredMethods()).forEach(method -> direct(method, MEMBER_LEVEL, why));
		for (Class<?> nested : type.getDeclaredClasses()) {
			if (Modifier.isStatic(nested.getModifiers())
					&& AnnotatedElementUtils.hasAnnotation(nested, org.springframework.context.annotation.Configuration.class)) {
				why.add("nested configuration " + nested.getSimpleName());
			}
		}
		return why;
	}

	private static void direct(AnnotatedElement element, Set<String> kinds, List<String> why) {
		for (Annotation annotation : element.getDeclaredAnnotations()) {
			if (kinds.contains(annotation.annotationType().getName())) {
				why.add("@" + annotation.annotationType().getSimpleName());
			}
		}
	}

	/** The compiled test classes that are Spring Boot tests. */
	private static List<Class<?>> springTests() throws IOException, URISyntaxException {
		Path classes = Path.of(SharedContextsTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<Class<?>> tests = new ArrayList<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter(each -> each.toString().endsWith(".class")).toList()) {
				String relative = classes.relativize(file).toString().replace('\\', '/');
				if (relative.contains("$") || relative.endsWith("package-info.class")) {
					continue;
				}
				try {
					Class<?> type = Class.forName(relative.replace(".class", "").replace('/', '.'), false,
							SharedContextsTests.class.getClassLoader());
					if (!type.isAnnotation() && AnnotatedElementUtils.hasAnnotation(type, SpringBootTest.class)) {
						tests.add(type);
					}
				}
				catch (ClassNotFoundException | LinkageError e) {
					// not loadable here; EveryTestRunsTests reports classes with tests that cannot be loaded
				}
			}
		}
		return tests;
	}

}
