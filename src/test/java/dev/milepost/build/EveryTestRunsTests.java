package dev.milepost.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build check that every test runs: each compiled test class with tests must be selected by
 * a Surefire execution of pom.xml (its includes, excludes and tag groups), or this fails the build
 * naming it. The check itself is tested on classes compiled here for the purpose, a misnamed one
 * among them.
 */
class EveryTestRunsTests {

	static final Path POM = Path.of("pom.xml");

	@TempDir
	Path directory;

	@Test
	void everyTestClassOfTheBuildRunsInASurefireExecution() throws Exception {
		List<TestSelection.NeverRun> never = TestSelection.neverRun(testClasses(), getClass().getClassLoader(),
				TestSelection.surefireExecutions(POM));
		assertThat(never).as("tests that never run").isEmpty();
	}

	@Test
	void theExecutionsAreReadFromThePom() {
		List<TestSelection.Execution> executions = TestSelection.surefireExecutions(POM);
		assertThat(executions).extracting(TestSelection.Execution::id).containsExactly("default-test", "fuzz-tests");
		TestSelection.Execution ordinary = executions.get(0);
		assertThat(ordinary.includes()).contains("**/*Tests.java", "**/*Properties.java");
		assertThat(ordinary.excludedGroups()).containsExactly("jazzer");
		TestSelection.Execution fuzz = executions.get(1);
		assertThat(fuzz.groups()).containsExactly("jazzer");
		assertThat(fuzz.excludedGroups()).isEmpty();
		assertThat(fuzz.includes()).isEqualTo(ordinary.includes());
	}

	@Test
	void theEnginesPropertyTestsAreSelected() {
		List<TestSelection.Execution> executions = TestSelection.surefireExecutions(POM);
		for (String engine : List.of("SchedulerProperties", "IncrementalScheduleProperties", "MonteCarloProperties")) {
			assertThat(executions.get(0).selects("dev/milepost/schedule/engine/" + engine + ".java")).as(engine).isTrue();
		}
	}

	@Test
	void aMisnamedClassWithTestsIsReportedWhateverKindOfTestItHas() throws Exception {
		Path classes = compile("""
				package fixture;
				class SchedulerChecks {
					@net.jqwik.api.Property
					boolean alwaysTrue(@net.jqwik.api.ForAll int x) { return true; }
				}""", """
				package fixture;
				class LedgerSpec {
					@org.junit.jupiter.api.Test
					void works() { }
				}""", """
				package fixture;
				class ReportingTests {
					@org.junit.jupiter.api.Test
					void works() { }
				}""");

		List<TestSelection.NeverRun> never = check(classes, TestSelection.surefireExecutions(POM));

		assertThat(never).extracting(TestSelection.NeverRun::className)
			.containsExactlyInAnyOrder("fixture.SchedulerChecks", "fixture.LedgerSpec");
		assertThat(never.get(0).reason()).contains("matches no Surefire include").contains("**/*Tests.java");
	}

	@Test
	void beforeThePropertyClassesWereIncludedTheEnginesPropertiesWereReported() throws Exception {
		Path classes = compile("""
				package fixture;
				class SchedulerProperties {
					@net.jqwik.api.Property
					boolean alwaysTrue(@net.jqwik.api.ForAll int x) { return true; }
				}""");
		// Surefire's defaults, as the pom had them
		TestSelection.Execution defaults = new TestSelection.Execution("default-test", TestSelection.DEFAULT_INCLUDES,
				TestSelection.DEFAULT_EXCLUDES, java.util.Set.of(), java.util.Set.of("jazzer"));

		assertThat(check(classes, List.of(defaults))).extracting(TestSelection.NeverRun::className)
			.containsExactly("fixture.SchedulerProperties");
		assertThat(check(classes, TestSelection.surefireExecutions(POM))).isEmpty();
	}

	@Test
	void aTestWhoseTagNoExecutionRunsIsReportedAndFuzzTestsAreNot() throws Exception {
		Path classes = compile("""
				package fixture;
				class SlowTests {
					@org.junit.jupiter.api.Test
					@org.junit.jupiter.api.Tag("jazzer-but-not-fuzz")
					void ordinary() { }
					@org.junit.jupiter.api.Test
					void plain() { }
				}""", """
				package fixture;
				class ParserFuzzTests {
					@com.code_intelligence.jazzer.junit.FuzzTest
					void anyText(byte[] input) { }
				}""", """
				package fixture;
				@org.junit.jupiter.api.Tag("jazzer")
				class TaggedTests {
					@org.junit.jupiter.api.Test
					void runsWithTheFuzzTests() { }
				}""");
		List<TestSelection.Execution> executions = TestSelection.surefireExecutions(POM);
		TestSelection.Execution withoutFuzz = executions.get(0);

		assertThat(check(classes, executions)).isEmpty();
		// without the fuzz execution, what is tagged jazzer never runs
		assertThat(check(classes, List.of(withoutFuzz))).extracting(each -> each.className() + "#" + each.method())
			.containsExactlyInAnyOrder("fixture.ParserFuzzTests#anyText", "fixture.TaggedTests#runsWithTheFuzzTests");
	}

	@Test
	void aStaticInnerClassWithTestsIsReportedAndANestedOneRunsWithItsClass() throws Exception {
		Path classes = compile("""
				package fixture;
				class OuterTests {
					@org.junit.jupiter.api.Nested
					class WhenEmpty {
						@org.junit.jupiter.api.Test
						void runs() { }
					}
					static class Forgotten {
						@org.junit.jupiter.api.Test
						void never() { }
					}
				}""");

		assertThat(check(classes, TestSelection.surefireExecutions(POM))).singleElement()
			.satisfies(each -> {
				assertThat(each.className()).isEqualTo("fixture.OuterTests$Forgotten");
				assertThat(each.reason()).contains("static inner class");
			});
	}

	@Test
	void patternsMatchAsSurefireReadsThem() {
		assertThat(TestSelection.matches("**/*Tests.java", "dev/milepost/FooTests.java")).isTrue();
		assertThat(TestSelection.matches("**/*Tests.java", "FooTests.java")).isTrue();
		assertThat(TestSelection.matches("**/*Tests.java", "dev/milepost/FooTestsHelper.java")).isFalse();
		assertThat(TestSelection.matches("**/Test*.java", "dev/milepost/TestBlueprints.java")).isTrue();
		assertThat(TestSelection.matches("**/*Tests.class", "dev/FooTests.java")).isTrue();
		assertThat(TestSelection.matches("dev/*/FooTests.java", "dev/a/b/FooTests.java")).isFalse();
		assertThat(TestSelection.matches("%regex[.*Check.*]", "dev/milepost/SchedulerCheck.java")).isTrue();
	}

	private List<TestSelection.NeverRun> check(Path classes, List<TestSelection.Execution> executions)
			throws IOException {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			return TestSelection.neverRun(classes, loader, executions);
		}
	}

	/** Compiles the sources (one class each, in package {@code fixture}) against the test classpath. */
	private Path compile(String... sources) throws IOException {
		Path src = Files.createDirectories(directory.resolve("src/fixture"));
		Path out = Files.createDirectories(directory.resolve("classes"));
		List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString(), "-classpath", annotationJars(),
				"-proc:none", "-nowarn"));
		for (String source : sources) {
			String name = source.replaceAll("(?s).*?class (\\w+).*", "$1");
			Path file = src.resolve(name + ".java");
			Files.writeString(file, source);
			args.add(file.toString());
		}
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertThat(javac).as("a JDK's compiler").isNotNull();
		assertThat(javac.run(null, null, System.err, args.toArray(String[]::new))).as("compiling the fixtures").isZero();
		return out;
	}

	/** The jars of the test annotations (Surefire's own class path is a single manifest-only jar). */
	private static String annotationJars() {
		List<Class<?>> types = List.of(Test.class, org.junit.jupiter.params.ParameterizedTest.class,
				net.jqwik.api.Property.class, com.code_intelligence.jazzer.junit.FuzzTest.class,
				org.apiguardian.api.API.class);
		return String.join(File.pathSeparator, types.stream().map(type -> {
			try {
				return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
			}
			catch (URISyntaxException e) {
				throw new IllegalStateException(e);
			}
		}).distinct().toList());
	}

	private static Path testClasses() throws URISyntaxException {
		return Path.of(EveryTestRunsTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

}
