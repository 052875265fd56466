package dev.milepost.automation.definition;

import java.util.List;
import java.util.Map;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

/**
 * A CEL condition in words where it is simple (comparisons, {@code &&}, {@code ||}, {@code !},
 * {@code in}, {@code exists}, {@code all}, {@code size}); anything else is quoted as written.
 */
final class ConditionWords {

	/** Parses without macros, so {@code exists} and {@code all} stay calls that read as written. */
	private static final Cel PARSER = CelFactory.standardCelBuilder().build();

	private static final Map<String, String> COMPARISONS = Map.of("_==_", "is", "_!=_", "is not", "_<_", "is less than",
			"_<=_", "is at most", "_>_", "is more than", "_>=_", "is at least");

	private ConditionWords() {
	}

	static String of(String expression) {
		try {
			CelValidationResult parsed = PARSER.parse(expression);
			if (!parsed.hasError()) {
				return words(parsed.getAst().getExpr(), null);
			}
		}
		catch (dev.cel.common.CelValidationException | RuntimeException | StackOverflowError ex) {
			// quoted below
		}
		return "the condition " + Explanations.quote(expression.strip()) + " holds";
	}

	/** @param item the name of the loop variable inside exists/all, read as "it" */
	private static String words(CelExpr expr, String item) {
		switch (expr.getKind()) {
			case CONSTANT:
				return constant(expr.constant());
			case IDENT:
				if (expr.ident().name().equals(item)) {
					return "it";
				}
				throw new Unsupported();
			case SELECT:
				return field(expr, item);
			case LIST:
				return Explanations.or(expr.list().elements().stream().map(e -> words(e, item)).toList());
			case CALL:
				return call(expr.call(), item);
			default:
				throw new Unsupported();
		}
	}

	private static String call(CelExpr.CelCall call, String item) {
		String function = call.function();
		List<CelExpr> args = call.args();
		if (COMPARISONS.containsKey(function)) {
			return words(args.get(0), item) + " " + COMPARISONS.get(function) + " " + words(args.get(1), item);
		}
		switch (function) {
			case "_&&_":
				return words(args.get(0), item) + " and " + words(args.get(1), item);
			case "_||_":
				return "either " + words(args.get(0), item) + " or " + words(args.get(1), item);
			case "!_":
				return "not (" + words(args.get(0), item) + ")";
			case "@in":
				if (args.get(1).getKind() == CelExpr.ExprKind.Kind.LIST) {
					return words(args.get(0), item) + " is " + words(args.get(1), item);
				}
				return tagged(args.get(1), words(args.get(0), item), item);
			case "size":
				CelExpr of = call.target().orElse(args.isEmpty() ? null : args.get(0));
				if (of != null) {
					return "the number of " + words(of, item);
				}
				throw new Unsupported();
			case "exists":
			case "all":
				return loop(call, function, item);
			default:
				throw new Unsupported();
		}
	}

	private static String loop(CelExpr.CelCall call, String function, String outer) {
		if (call.target().isEmpty() || call.args().size() != 2 || outer != null
				|| call.args().get(0).getKind() != CelExpr.ExprKind.Kind.IDENT) {
			throw new Unsupported();
		}
		String name = call.args().get(0).ident().name();
		CelExpr predicate = call.args().get(1);
		CelExpr target = call.target().get();
		if (function.equals("exists") && predicate.getKind() == CelExpr.ExprKind.Kind.CALL
				&& predicate.call().function().equals("_==_")
				&& predicate.call().args().get(0).getKind() == CelExpr.ExprKind.Kind.IDENT
				&& predicate.call().args().get(0).ident().name().equals(name)) {
			return tagged(target, words(predicate.call().args().get(1), name), null);
		}
		return (function.equals("exists") ? "any of " : "every one of ") + words(target, null) + " is such that "
				+ words(predicate, name);
	}

	/** {@code x in milestone.tags} reads "the milestone is tagged x". */
	private static String tagged(CelExpr list, String value, String item) {
		if (list.getKind() == CelExpr.ExprKind.Kind.SELECT && list.select().field().equals("tags")
				&& list.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT) {
			return "the " + list.select().operand().ident().name() + " is tagged " + value;
		}
		return words(list, item) + " include " + value;
	}

	private static String field(CelExpr expr, String item) {
		CelExpr operand = expr.select().operand();
		String field = Explanations.words(expr.select().field());
		if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT && !operand.ident().name().equals(item)) {
			String variable = operand.ident().name();
			return switch (variable) {
				case "event" -> "the event's " + field;
				case "change" -> "the status change's " + field;
				default -> "the " + variable + "'s " + field;
			};
		}
		if (operand.getKind() == CelExpr.ExprKind.Kind.SELECT && operand.select().operand()
			.getKind() == CelExpr.ExprKind.Kind.IDENT && operand.select().operand().ident().name().equals("changes")) {
			return "the " + Explanations.words(operand.select().field()) + " " + field + " the change";
		}
		return words(operand, item) + "'s " + field;
	}

	private static String constant(CelConstant constant) {
		return switch (constant.getKind()) {
			case STRING_VALUE -> Explanations.quote(constant.stringValue());
			case INT64_VALUE -> Long.toString(constant.int64Value());
			case UINT64_VALUE -> constant.uint64Value().toString();
			case DOUBLE_VALUE -> Double.toString(constant.doubleValue());
			case BOOLEAN_VALUE -> Boolean.toString(constant.booleanValue());
			default -> throw new Unsupported();
		};
	}

	/** Thrown inside to fall back to quoting. */
	private static final class Unsupported extends RuntimeException {

		Unsupported() {
			super(null, null, false, false);
		}

	}

}
