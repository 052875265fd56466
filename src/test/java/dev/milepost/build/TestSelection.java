package dev.milepost.build;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Which test classes the build runs: the Surefire executions as pom.xml configures them (include
 * and exclude patterns, JUnit tag groups), and the compiled test classes that have tests (JUnit
 * {@code @Test}, {@code @ParameterizedTest}, {@code @RepeatedTest}, {@code @TestFactory},
 * {@code @TestTemplate}, Jazzer {@code @FuzzTest}, jqwik {@code @Property} and {@code @Example},
 * directly or through an annotation of their own). A class none of the executions selects, or a
 * test whose tags keep it out of every execution that selects its class, never runs: those are
 * what {@link #neverRun} lists.
 */
final class TestSelection {

	/** Surefire's includes when pom.xml names none. */
	static final List<String> DEFAULT_INCLUDES = List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java",
			"**/*TestCase.java");

	/** Surefire's excludes when pom.xml names none: inner classes run with their enclosing class. */
	static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

	private static final Set<String> TEST_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
			"org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory",
			"org.junit.jupiter.api.TestTemplate", "org.junit.jupiter.params.ParameterizedTest",
			"com.code_intelligence.jazzer.junit.FuzzTest", "net.jqwik.api.Property", "net.jqwik.api.Example");

	private static final String TAG = "org.junit.jupiter.api.Tag";

	private static final String TAGS = "org.junit.jupiter.api.Tags";

	private static final String NESTED = "org.junit.jupiter.api.Nested";

	private TestSelection() {
	}

	/** One Surefire execution: what it includes and excludes, and the tags it requires or leaves out. */
	record Execution(String id, List<String> includes, List<String> excludes, Set<String> groups,
			Set<String> excludedGroups) {

		/** Whether the execution runs the class (by its path, e.g. {@code dev/milepost/FooTests.java}). */
		boolean selects(String path) {
			return includes.stream().anyMatch(pattern -> matches(pattern, path))
					&& excludes.stream().noneMatch(pattern -> matches(pattern, path));
		}

		/** Whether a test with these tags passes the execution's groups and excluded groups. */
		boolean runs(Set<String> tags) {
			return (groups.isEmpty() || tags.stream().anyMatch(groups::contains))
					&& tags.stream().noneMatch(excludedGroups::contains);
		}

	}

	/** A test that no execution runs, and why. */
	record NeverRun(String className, String method, String reason) {

		@Override
		public String toString() {
			return className + (method == null ? "" : "#" + method) + ": " + reason;
		}

	}

	/**
	 * The Surefire executions of the pom: the plugin's own configuration is the default execution
	 * ({@code default-test}); each further execution starts from it and overrides what it sets.
	 */
	static List<Execution> surefireExecutions(Path pom) {
		Element plugin = surefire(read(pom));
		Element defaults = child(plugin, "configuration");
		List<Execution> executions = new ArrayList<>();
		executions.add(execution("default-test", defaults, null));
		Element declared = child(plugin, "executions");
		if (declared != null) {
			for (Element each : children(declared, "execution")) {
				String id = text(child(each, "id"));
				Element configuration = child(each, "configuration");
				if ("default-test".equals(id)) {
					executions.set(0, execution(id, defaults, configuration));
				}
				else {
					executions.add(execution(id, defaults, configuration));
				}
			}
		}
		return executions;
	}

	/** Every test in the compiled classes under {@code classes} that none of the executions runs. */
	static List<NeverRun> neverRun(Path classes, ClassLoader loader, List<Execution> executions) throws IOException {
		List<NeverRun> never = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> all = Files.walk(classes)) {
			files = all.filter(file -> file.toString().endsWith(".class")).sorted().toList();
		}
		for (Path file : files) {
			String relative = classes.relativize(file).toString().replace('\\', '/');
			String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
			if (name.endsWith("package-info") || name.endsWith("module-info")) {
				continue;
			}
			Class<?> type;
			try {
				type = Class.forName(name, false, loader);
			}
			catch (ClassNotFoundException | LinkageError e) {
				never.add(new NeverRun(name, null, "cannot be loaded to look for tests: " + e));
				continue;
			}
			List<Method> tests = testMethods(type);
			if (tests.isEmpty() || type.isInterface() || Modifier.isAbstract(type.getModifiers())
					|| type.isAnonymousClass() || type.isLocalClass()) {
				// abstract classes and interfaces run through the concrete classes that extend them
				continue;
			}
			Class<?> top = type;
			while (top.getEnclosingClass() != null) {
				if (!isNested(top)) {
					never.add(new NeverRun(name, null, "has tests but is a static inner class, which runs only as "
							+ "a @Nested (non-static) class of a test class or as a top-level class of its own"));
					top = null;
					break;
				}
				top = top.getEnclosingClass();
			}
			if (top == null) {
				continue;
			}
			// a @Nested class runs with the top-level class it is in, and is selected as that class
			String path = top.getName().replace('.', '/') + ".java";
			List<Execution> selecting = executions.stream().filter(execution -> execution.selects(path)).toList();
			if (selecting.isEmpty()) {
				never.add(new NeverRun(name, null, "matches no Surefire include (" + includes(executions)
						+ "); rename it to end in Tests or add its pattern to <includes> in pom.xml"));
				continue;
			}
			for (Method test : tests) {
				Set<String> tags = tags(type, test);
				if (selecting.stream().noneMatch(execution -> execution.runs(tags))) {
					never.add(new NeverRun(name, test.getName(), "its tags " + tags + " keep it out of every "
							+ "execution that selects its class (" + selecting.stream().map(Execution::id).toList()
							+ ")"));
				}
			}
		}
		return never;
	}

	/** Whether an Ant-style pattern ({@code **}, {@code *}, {@code ?}) or a {@code %regex[...]} matches the path. */
	static boolean matches(String pattern, String path) {
		String trimmed = pattern.strip();
		if (trimmed.startsWith("%regex[") && trimmed.endsWith("]")) {
			String regex = trimmed.substring("%regex[".length(), trimmed.length() - 1);
			return Pattern.matches(regex, path) || Pattern.matches(regex, path.replace(".java", ".class"));
		}
		if (trimmed.startsWith("!")) {
			throw new IllegalArgumentException("negated Surefire patterns are not understood by this check: " + pattern);
		}
		String ant = trimmed.endsWith(".class") ? trimmed.substring(0, trimmed.length() - 6) + ".java" : trimmed;
		return Pattern.matches(antToRegex(ant), path);
	}

	private static String antToRegex(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (pattern.startsWith("**/", i)) {
				regex.append("(?:.*/)?");
				i += 2;
			}
			else if (pattern.startsWith("**", i)) {
				regex.append(".*");
				i++;
			}
			else if (c == '*') {
				regex.append("[^/]*");
			}
			else if (c == '?') {
				regex.append("[^/]");
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return regex.toString();
	}

	private static List<Method> testMethods(Class<?> type) {
		List<Method> tests = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Class<?> each = type; each != null && each != Object.class; each = each.getSuperclass()) {
			collect(each, tests, seen);
			for (Class<?> face : each.getInterfaces()) {
				collect(face, tests, seen);
			}
		}
		return tests;
	}

	private static void collect(Class<?> type, List<Method> tests, Set<String> seen) {
		Method[] methods;
		try {
			methods = type.getDeclaredMethods();
		}
		catch (LinkageError e) {
			return;
		}
		for (Method method : methods) {
			if (isTest(method) && seen.add(method.getName() + java.util.Arrays.toString(method.getParameterTypes()))) {
				tests.add(method);
			}
		}
	}

	private static boolean isTest(Method method) {
		for (Annotation annotation : method.getAnnotations()) {
			if (marks(annotation.annotationType(), new HashSet<>())) {
				return true;
			}
		}
		return false;
	}

	/** Whether the annotation is a test annotation or is (meta-)annotated with one. */
	private static boolean marks(Class<? extends Annotation> type, Set<Class<?>> visited) {
		if (TEST_ANNOTATIONS.contains(type.getName())) {
			return true;
		}
		if (!visited.add(type) || type.getName().startsWith("java.")) {
			return false;
		}
		for (Annotation meta : type.getAnnotations()) {
			if (marks(meta.annotationType(), visited)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNested(Class<?> type) {
		return !Modifier.isStatic(type.getModifiers())
				&& Stream.of(type.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(NESTED));
	}

	/** The JUnit tags of a test: its own, its class's and enclosing classes', also through meta-annotations. */
	private static Set<String> tags(Class<?> type, Method method) {
		Set<String> tags = new LinkedHashSet<>();
		collectTags(method.getAnnotations(), tags, new HashSet<>());
		for (Class<?> each = type; each != null; each = each.getEnclosingClass()) {
			for (Class<?> up = each; up != null && up != Object.class; up = up.getSuperclass()) {
				collectTags(up.getAnnotations(), tags, new HashSet<>());
			}
		}
		return tags;
	}

	private static void collectTags(Annotation[] annotations, Set<String> tags, Set<Class<?>> visited) {
		for (Annotation annotation : annotations) {
			Class<? extends Annotation> type = annotation.annotationType();
			if (type.getName().equals(TAG)) {
				tags.add(value(annotation).toString().strip());
			}
			else if (type.getName().equals(TAGS)) {
				collectTags((Annotation[]) value(annotation), tags, visited);
			}
			else if (visited.add(type) && !type.getName().startsWith("java.")) {
				collectTags(type.getAnnotations(), tags, visited);
			}
		}
	}

	private static Object value(Annotation annotation) {
		try {
			return annotation.annotationType().getMethod("value").invoke(annotation);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String includes(List<Execution> executions) {
		Set<String> all = new LinkedHashSet<>();
		executions.forEach(execution -> all.addAll(execution.includes()));
		return String.join(", ", all);
	}

	// ---- pom.xml ---------------------------------------------------------------------------------

	private static Execution execution(String id, Element defaults, Element own) {
		List<String> includes = list(defaults, own, "includes", "include");
		List<String> excludes = list(defaults, own, "excludes", "exclude");
		return new Execution(id, includes == null ? DEFAULT_INCLUDES : includes,
				excludes == null ? DEFAULT_EXCLUDES : excludes, groups(defaults, own, "groups"),
				groups(defaults, own, "excludedGroups"));
	}

	/** The execution's list if it sets one, else the plugin's, else null (Surefire's default). */
	private static List<String> list(Element defaults, Element own, String name, String item) {
		Element element = own != null && child(own, name) != null ? child(own, name)
				: defaults == null ? null : child(defaults, name);
		if (element == null) {
			return null;
		}
		List<String> values = new ArrayList<>();
		for (Element each : children(element, item)) {
			values.add(text(each));
		}
		return values;
	}

	private static Set<String> groups(Element defaults, Element own, String name) {
		Element element = own != null && child(own, name) != null ? child(own, name)
				: defaults == null ? null : child(defaults, name);
		Set<String> groups = new LinkedHashSet<>();
		if (element != null) {
			for (String group : text(element).split(",")) {
				if (!group.isBlank()) {
					groups.add(group.strip());
				}
			}
		}
		return groups;
	}

	private static Document read(Path pom) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(pom.toFile());
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot read " + pom, e);
		}
	}

	private static Element surefire(Document pom) {
		Element build = child(pom.getDocumentElement(), "build");
		Element plugins = build == null ? null : child(build, "plugins");
		if (plugins != null) {
			for (Element plugin : children(plugins, "plugin")) {
				if ("maven-surefire-plugin".equals(text(child(plugin, "artifactId")))) {
					return plugin;
				}
			}
		}
		throw new IllegalStateException("pom.xml configures no maven-surefire-plugin under build/plugins");
	}

	private static Element child(Element parent, String name) {
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		if (parent == null) {
			return found;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equals(element.getTagName())) {
				found.add(element);
			}
		}
		return found;
	}

	private static String text(Element element) {
		return element == null ? null : element.getTextContent().strip();
	}

}
