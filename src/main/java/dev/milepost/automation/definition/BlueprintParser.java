package dev.milepost.automation.definition;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns a blueprint's YAML text into a {@link Blueprint} or a list of located {@link Problem}s.
 * Safe on any input: the text is capped in size, read as plain YAML (no tags, anchors or aliases,
 * one document, limited nesting) before it is composed into nodes, and every failure becomes a
 * problem; it never throws.
 */
public final class BlueprintParser {

	/** Largest blueprint text, in UTF-8 bytes. */
	public static final int MAX_BYTES = 64 * 1024;

	/** Deepest nesting of mappings and lists. */
	public static final int MAX_NESTING = 12;

	public static final int MAX_RULES = 50;

	public static final int MAX_ACTIONS = 10;

	public static final int MAX_NAME = 120;

	static final int MAX_TEXT = 2000;

	private static final int MAX_EVENTS = 20_000;

	private static final List<String> ROOT_KEYS = List.of("blueprint", "description", "rules");

	private static final List<String> RULE_KEYS = List.of("name", "when", "if", "then");

	private BlueprintParser() {
	}

	/** Parses without checking people or templates against a project. */
	public static ParsedBlueprint parse(String yaml) {
		return parse(yaml, ProjectFacts.NONE);
	}

	/** Parses and checks {@code @username}s and process templates against the project's facts. */
	public static ParsedBlueprint parse(String yaml, ProjectFacts facts) {
		YamlTree tree = new YamlTree();
		try {
			Optional<Node> root = compose(yaml, tree);
			if (root.isEmpty()) {
				return failed(tree);
			}
			Blueprint blueprint = new BlueprintParser.Reading(tree, facts == null ? ProjectFacts.NONE : facts, yaml)
				.blueprint(root.get());
			return blueprint == null || tree.hasProblems() ? failed(tree) : new ParsedBlueprint(blueprint, List.of());
		}
		catch (RuntimeException | StackOverflowError ex) {
			tree.problem(1, 1, "", "the blueprint cannot be read: " + ex.getClass().getSimpleName());
			return failed(tree);
		}
	}

	private static ParsedBlueprint failed(YamlTree tree) {
		List<Problem> problems = new ArrayList<>(tree.problems());
		if (problems.isEmpty()) {
			problems.add(new Problem(1, 1, "", "the blueprint is not valid"));
		}
		problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
		return new ParsedBlueprint(null, problems);
	}

	private static Optional<Node> compose(String yaml, YamlTree tree) {
		if (yaml == null || yaml.isBlank()) {
			tree.problem(1, 1, "", "the blueprint is empty");
			return Optional.empty();
		}
		if (yaml.length() > MAX_BYTES || yaml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			tree.problem(1, 1, "", "the blueprint is larger than " + MAX_BYTES / 1024 + " KB");
			return Optional.empty();
		}
		try {
			if (!plainYaml(yaml, tree)) {
				return Optional.empty();
			}
			Node root = yaml(yaml).compose(new StringReader(yaml));
			if (root == null) {
				tree.problem(1, 1, "", "the blueprint is empty");
				return Optional.empty();
			}
			return Optional.of(root);
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
			String what = ex.getProblem() != null ? ex.getProblem() : ex.getContext();
			tree.problem(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, "",
					"not valid YAML: " + what);
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			tree.problem(1, 1, "", "not valid YAML: " + ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * Reads the event stream once (no recursion, so depth cannot overflow the stack) and refuses
	 * tags, anchors, aliases, several documents and nesting beyond {@link #MAX_NESTING}.
	 */
	private static boolean plainYaml(String yaml, YamlTree tree) {
		int depth = 0;
		int documents = 0;
		int events = 0;
		for (Event event : yaml(yaml).parse(new StringReader(yaml))) {
			if (++events > MAX_EVENTS) {
				at(tree, event, "the blueprint has too many elements");
				return false;
			}
			if (event instanceof AliasEvent) {
				at(tree, event, "aliases (*name) are not allowed");
				return false;
			}
			if (event instanceof NodeEvent node && node.getAnchor() != null) {
				at(tree, event, "anchors (&name) are not allowed");
				return false;
			}
			if (explicitTag(event)) {
				at(tree, event, "tags (!name) are not allowed");
				return false;
			}
			if (event instanceof DocumentStartEvent && ++documents > 1) {
				at(tree, event, "only one YAML document is allowed");
				return false;
			}
			if (event instanceof CollectionStartEvent && ++depth > MAX_NESTING) {
				at(tree, event, "nested more than " + MAX_NESTING + " levels deep");
				return false;
			}
			if (event instanceof CollectionEndEvent) {
				depth--;
			}
		}
		return true;
	}

	private static boolean explicitTag(Event event) {
		if (event instanceof ScalarEvent scalar) {
			return scalar.getTag() != null;
		}
		return event instanceof CollectionStartEvent collection && collection.getTag() != null;
	}

	private static void at(YamlTree tree, Event event, String message) {
		Mark mark = event.getStartMark();
		tree.problem(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, "", message);
	}

	private static Yaml yaml(String text) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(true); // reported as problems by YamlTree, with their place
		options.setMaxAliasesForCollections(0);
		options.setNestingDepthLimit(MAX_NESTING + 2);
		options.setCodePointLimit(MAX_BYTES + 1);
		options.setAllowRecursiveKeys(false);
		options.setProcessComments(false);
		return new Yaml(options);
	}

	/** One parse: the tree, the project's facts and the source text (for locating conditions). */
	private record Reading(YamlTree tree, ProjectFacts facts, String source) {

		Blueprint blueprint(Node root) {
			Optional<Map<String, Node>> keys = tree.mapping(root, "", ROOT_KEYS, List.of("blueprint", "rules"));
			if (keys.isEmpty()) {
				return null;
			}
			Map<String, Node> entries = keys.get();
			String name = entries.containsKey("blueprint") ? tree.text(entries.get("blueprint"), "blueprint", MAX_NAME)
					: null;
			String description = entries.containsKey("description") && !YamlTree.isNull(entries.get("description"))
					? tree.text(entries.get("description"), "description", MAX_TEXT) : null;
			List<Rule> rules = entries.containsKey("rules") ? rules(entries.get("rules")) : List.of();
			return name == null || rules == null || tree.hasProblems() ? null : new Blueprint(name, description, rules);
		}

		private List<Rule> rules(Node node) {
			if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
				tree.problem(node, "rules", "'rules' must be a list of 1 to " + MAX_RULES + " rules");
				return null;
			}
			if (sequence.getValue().size() > MAX_RULES) {
				tree.problem(node, "rules", "a blueprint has at most " + MAX_RULES + " rules, this one has "
						+ sequence.getValue().size());
				return null;
			}
			List<Rule> rules = new ArrayList<>();
			Set<String> names = new HashSet<>();
			for (int i = 0; i < sequence.getValue().size(); i++) {
				Rule rule = rule(sequence.getValue().get(i), "rules[" + i + "]", names);
				if (rule != null) {
					rules.add(rule);
				}
			}
			return rules;
		}

		private Rule rule(Node node, String path, Set<String> names) {
			Optional<Map<String, Node>> keys = tree.mapping(node, path, RULE_KEYS, List.of("name", "when", "then"));
			if (keys.isEmpty()) {
				return null;
			}
			Map<String, Node> entries = keys.get();
			String name = entries.containsKey("name") ? tree.text(entries.get("name"), path + ".name", MAX_NAME) : null;
			if (name != null && !names.add(name)) {
				tree.problem(entries.get("name"), path + ".name", "another rule is already named '" + name + "'");
			}
			Trigger trigger = entries.containsKey("when") ? new TriggerReader(tree).trigger(entries.get("when"),
					path + ".when") : null;
			String condition = null;
			if (entries.containsKey("if") && !YamlTree.isNull(entries.get("if"))) {
				condition = condition(entries.get("if"), path + ".if", trigger);
			}
			List<Action> actions = entries.containsKey("then") ? actions(entries.get("then"), path + ".then", trigger)
					: null;
			if (name == null || trigger == null || actions == null) {
				return null;
			}
			return new Rule(name, trigger, condition, actions);
		}

		private String condition(Node node, String path, Trigger trigger) {
			String expression = tree.text(node, path, Integer.MAX_VALUE);
			if (expression == null || trigger == null) {
				return expression;
			}
			ConditionCheck check = Conditions.compile(trigger.name(), expression);
			for (ConditionIssue issue : check.issues()) {
				int[] at = ConditionPlaces.locate((ScalarNode) node, issue, source);
				tree.problem(at[0], at[1], path, issue.message());
			}
			return expression;
		}

		private List<Action> actions(Node node, String path, Trigger trigger) {
			if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
				tree.problem(node, path, "'then' must be a list of 1 to " + MAX_ACTIONS + " actions");
				return null;
			}
			if (sequence.getValue().size() > MAX_ACTIONS) {
				tree.problem(node, path, "a rule has at most " + MAX_ACTIONS + " actions, this one has "
						+ sequence.getValue().size());
				return null;
			}
			ActionReader reader = new ActionReader(tree, facts, trigger);
			List<Action> actions = new ArrayList<>();
			for (int i = 0; i < sequence.getValue().size(); i++) {
				Action action = reader.action(sequence.getValue().get(i), path + "[" + i + "]");
				if (action != null) {
					actions.add(action);
				}
			}
			return actions.size() == sequence.getValue().size() ? actions : null;
		}

	}

}
