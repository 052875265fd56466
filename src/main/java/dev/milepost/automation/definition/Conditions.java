package dev.milepost.automation.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.parser.CelStandardMacro;

/**
 * CEL conditions: compiled and type-checked against the variables of a rule's trigger (an unknown
 * field, a wrong type or a result that is not a bool is refused), held to caps (length, nesting
 * depth, estimated cost), and evaluated with a runtime iteration limit. Evaluation never throws:
 * an error comes back as a {@link ConditionResult} value.
 */
public final class Conditions {

	/** Longest expression, in characters. */
	public static final int MAX_LENGTH = 1000;

	/** Deepest expression tree (after macros such as {@code exists} are expanded). */
	public static final int MAX_DEPTH = 12;

	/** Highest estimated cost; see {@link #estimatedCost}. */
	public static final long MAX_COST = 100_000;

	/** Most iterations of all comprehensions together in one evaluation. */
	public static final int MAX_ITERATIONS = 1000;

	/** The list size assumed for a list variable when estimating cost. */
	static final int ASSUMED_LIST_SIZE = 100;

	private static final String TYPE_PREFIX = "milepost.";

	private static final StructType CHANGE = struct("FieldChange", Map.of("before", SimpleType.STRING, "after",
			SimpleType.STRING));

	private static final Map<String, CelType> VARIABLE_TYPES = variableTypes();

	private static final CelOptions OPTIONS = CelOptions.current()
		.comprehensionMaxIterations(MAX_ITERATIONS)
		.maxParseRecursionDepth(64)
		.maxParseExpressionNodeCount(2000)
		.maxRegexProgramSize(500)
		.build();

	private static final Map<String, Cel> ENVIRONMENTS = new ConcurrentHashMap<>();

	private Conditions() {
	}

	/**
	 * Compiles a condition for a rule with the given trigger.
	 * @param trigger a trigger name (see {@link Triggers})
	 * @param expression the CEL text
	 */
	public static ConditionCheck compile(String trigger, String expression) {
		if (expression == null || expression.isBlank()) {
			return issue(1, 0, "the condition is empty");
		}
		if (expression.length() > MAX_LENGTH) {
			return issue(1, 0, "the condition is " + expression.length() + " characters long, more than the cap of "
					+ MAX_LENGTH);
		}
		if (!Triggers.VARIABLES.containsKey(trigger)) {
			return issue(1, 0, "unknown trigger " + trigger);
		}
		try {
			Cel cel = environment(trigger);
			CelValidationResult result = cel.compile(expression);
			if (result.hasError()) {
				return new ConditionCheck(null, issues(result.getAllIssues()));
			}
			CelAbstractSyntaxTree ast = result.getAst();
			int depth = depth(ast.getExpr());
			if (depth > MAX_DEPTH) {
				return issue(1, 0, "the condition is nested " + depth + " levels deep, more than the cap of "
						+ MAX_DEPTH);
			}
			long cost = estimatedCost(ast.getExpr());
			if (cost > MAX_COST) {
				return issue(1, 0, "the condition's estimated cost (" + cost + ") is over the cap of " + MAX_COST
						+ "; avoid nesting list macros such as exists and all");
			}
			return new ConditionCheck(new CompiledCondition(trigger, expression, cel.createProgram(ast)), List.of());
		}
		catch (CelValidationException ex) {
			return new ConditionCheck(null, issues(ex.getErrors()));
		}
		catch (Exception | StackOverflowError ex) {
			return issue(1, 0, "the condition cannot be compiled: " + ex.getMessage());
		}
	}

	/**
	 * Evaluates a condition. Variables are plain Java: a variable's name to a map of its fields,
	 * with values {@code String}, {@code Long} (other integers are widened), {@code Boolean},
	 * {@code List<String>} or {@code Map}; a missing or null field of a known variable reads as
	 * empty (empty text, 0, false, empty list).
	 */
	public static ConditionResult evaluate(CompiledCondition condition, Map<String, Object> variables) {
		try {
			Object value = condition.program().eval(normalized(variables));
			if (value instanceof Boolean bool) {
				return ConditionResult.of(bool);
			}
			return ConditionResult.failed("the condition gave " + value + ", not true or false");
		}
		catch (Exception | StackOverflowError ex) {
			return ConditionResult.failed(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
		}
	}

	/** The depth of an expression tree: a leaf is 1. */
	static int depth(CelExpr expr) {
		int below = 0;
		for (CelExpr child : children(expr)) {
			below = Math.max(below, depth(child));
		}
		return below + 1;
	}

	/**
	 * A static estimate of evaluation cost: one per node, with a comprehension's loop body counted
	 * once per element of its range (the literal list's size, or {@link #ASSUMED_LIST_SIZE} for a
	 * variable's list). CEL-Java has no cost estimator of its own.
	 */
	static long estimatedCost(CelExpr expr) {
		if (expr.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
			CelExpr.CelComprehension loop = expr.comprehension();
			long size = loop.iterRange().getKind() == CelExpr.ExprKind.Kind.LIST
					? loop.iterRange().list().elements().size() : ASSUMED_LIST_SIZE;
			long body = estimatedCost(loop.loopCondition()) + estimatedCost(loop.loopStep());
			return saturated(1 + estimatedCost(loop.iterRange()) + estimatedCost(loop.accuInit())
					+ saturatedTimes(size, body) + estimatedCost(loop.result()));
		}
		long cost = 1;
		for (CelExpr child : children(expr)) {
			cost = saturated(cost + estimatedCost(child));
		}
		return cost;
	}

	private static long saturatedTimes(long a, long b) {
		return b != 0 && a > Long.MAX_VALUE / 4 / b ? Long.MAX_VALUE / 4 : a * b;
	}

	private static long saturated(long value) {
		return Math.min(value, Long.MAX_VALUE / 4);
	}

	private static List<CelExpr> children(CelExpr expr) {
		List<CelExpr> children = new ArrayList<>();
		switch (expr.getKind()) {
			case SELECT -> children.add(expr.select().operand());
			case CALL -> {
				expr.call().target().ifPresent(children::add);
				children.addAll(expr.call().args());
			}
			case LIST -> children.addAll(expr.list().elements());
			case MAP -> expr.map().entries().forEach(e -> {
				children.add(e.key());
				children.add(e.value());
			});
			case STRUCT -> expr.struct().entries().forEach(e -> children.add(e.value()));
			case COMPREHENSION -> {
				CelExpr.CelComprehension loop = expr.comprehension();
				children.addAll(List.of(loop.iterRange(), loop.accuInit(), loop.loopCondition(), loop.loopStep(),
						loop.result()));
			}
			default -> {
			}
		}
		return children;
	}

	private static Cel environment(String trigger) {
		return ENVIRONMENTS.computeIfAbsent(trigger, t -> {
			var builder = CelFactory.standardCelBuilder()
				.setOptions(OPTIONS)
				.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
				.setTypeProvider(new Types())
				.setResultType(SimpleType.BOOL);
			for (String variable : Triggers.variables(t)) {
				builder.addVar(variable, VARIABLE_TYPES.get(variable));
			}
			return builder.build();
		});
	}

	private static Map<String, CelType> variableTypes() {
		Map<String, CelType> types = new LinkedHashMap<>();
		Vocabulary.VARIABLES.forEach((variable, fields) -> {
			if (variable.equals("changes")) {
				types.put(variable, MapType.create(SimpleType.STRING, CHANGE));
				return;
			}
			Map<String, CelType> celFields = new LinkedHashMap<>();
			fields.forEach((field, type) -> celFields.put(field, celType(type)));
			types.put(variable, struct(Character.toUpperCase(variable.charAt(0)) + variable.substring(1), celFields));
		});
		return types;
	}

	private static CelType celType(Vocabulary.FieldType type) {
		return switch (type) {
			case STRING -> SimpleType.STRING;
			case INT -> SimpleType.INT;
			case BOOL -> SimpleType.BOOL;
			case STRING_LIST -> ListType.create(SimpleType.STRING);
			case CHANGE_MAP -> MapType.create(SimpleType.STRING, CHANGE);
		};
	}

	private static StructType struct(String name, Map<String, CelType> fields) {
		Map<String, CelType> copy = Map.copyOf(fields);
		return StructType.create(TYPE_PREFIX + name, ImmutableSet.copyOf(fields.keySet()),
				field -> Optional.ofNullable(copy.get(field)));
	}

	/** Declares the variables' struct types to CEL's checker. */
	private static final class Types implements CelTypeProvider {

		@Override
		public ImmutableCollection<CelType> types() {
			ImmutableList.Builder<CelType> all = ImmutableList.builder();
			VARIABLE_TYPES.values().stream().filter(StructType.class::isInstance).forEach(all::add);
			return all.add(CHANGE).build();
		}

		@Override
		public Optional<CelType> findType(String name) {
			return types().stream().filter(type -> type.name().equals(name)).findFirst();
		}

	}

	private static Map<String, Object> normalized(Map<String, Object> variables) {
		Map<String, Object> values = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			Optional<Map<String, Vocabulary.FieldType>> fields = Vocabulary.fields(name);
			if (fields.isPresent() && !fields.get().isEmpty() && value instanceof Map<?, ?> map) {
				Map<String, Object> withDefaults = new LinkedHashMap<>();
				map.forEach((k, v) -> withDefaults.put(String.valueOf(k), plain(v)));
				fields.get().forEach((field, type) -> {
					if (withDefaults.get(field) == null) {
						withDefaults.put(field, empty(type));
					}
				});
				values.put(name, withDefaults);
			}
			else {
				values.put(name, plain(value));
			}
		});
		return values;
	}

	private static Object empty(Vocabulary.FieldType type) {
		return switch (type) {
			case STRING -> "";
			case INT -> 0L;
			case BOOL -> false;
			case STRING_LIST -> List.of();
			case CHANGE_MAP -> Map.of();
		};
	}

	private static Object plain(Object value) {
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v == null ? "" : v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(v -> plain(v == null ? "" : v)).toList();
		}
		return value == null ? "" : value;
	}

	private static ConditionCheck issue(int line, int column, String message) {
		return new ConditionCheck(null, List.of(new ConditionIssue(line, column, message)));
	}

	private static List<ConditionIssue> issues(List<CelIssue> celIssues) {
		List<ConditionIssue> issues = new ArrayList<>();
		for (CelIssue issue : celIssues) {
			if (issue.getSeverity() != CelIssue.Severity.ERROR) {
				continue;
			}
			CelSourceLocation at = issue.getSourceLocation();
			boolean located = at != null && at.getLine() > 0;
			issues.add(new ConditionIssue(located ? at.getLine() : 1, located ? Math.max(0, at.getColumn()) : 0,
					issue.getMessage()));
		}
		if (issues.isEmpty()) {
			issues.add(new ConditionIssue(1, 0, "the condition is not valid CEL"));
		}
		return issues;
	}

}
