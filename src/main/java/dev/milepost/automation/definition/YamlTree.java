package dev.milepost.automation.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of composed YAML nodes, collecting a located {@link Problem} for each
 * thing that is wrong instead of throwing.
 */
final class YamlTree {

	private final List<Problem> problems = new ArrayList<>();

	List<Problem> problems() {
		return problems;
	}

	boolean hasProblems() {
		return !problems.isEmpty();
	}

	void problem(Node at, String path, String message) {
		Mark mark = at == null ? null : at.getStartMark();
		problem(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, path, message);
	}

	void problem(int line, int column, String path, String message) {
		problems.add(new Problem(line, column, path, message));
	}

	/**
	 * The entries of a mapping by key, reporting keys not in {@code allowed}, repeated keys and
	 * missing {@code required} keys. Empty when the node is not a mapping.
	 */
	Optional<Map<String, Node>> mapping(Node node, String path, List<String> allowed, List<String> required) {
		if (!(node instanceof MappingNode map)) {
			problem(node, path, describe(path) + " must be a mapping of keys to values");
			return Optional.empty();
		}
		Map<String, Node> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : map.getValue()) {
			Node keyNode = tuple.getKeyNode();
			if (!(keyNode instanceof ScalarNode scalar) || isNull(scalar)) {
				problem(keyNode, path, "keys must be plain words");
				continue;
			}
			String key = scalar.getValue();
			String at = child(path, key);
			if (!allowed.contains(key)) {
				problem(keyNode, at, "unknown key '" + key + "'" + (path.isEmpty() ? "" : " in " + path)
						+ "; allowed: " + String.join(", ", allowed));
			}
			else if (entries.containsKey(key)) {
				problem(keyNode, at, "'" + key + "' is given twice");
			}
			else {
				entries.put(key, tuple.getValueNode());
			}
		}
		for (String key : required) {
			if (!entries.containsKey(key) || isNull(entries.get(key))) {
				if (entries.containsKey(key)) {
					problem(entries.get(key), child(path, key), "'" + key + "' must not be empty");
				}
				else {
					problem(node, child(path, key), "'" + key + "' is required" + (path.isEmpty() ? "" : " in " + path));
				}
				entries.remove(key);
			}
		}
		return Optional.of(entries);
	}

	/** A scalar's text; null (with a problem) when the node is not a scalar or is empty. */
	String text(Node node, String path, int maxLength) {
		if (!(node instanceof ScalarNode scalar)) {
			problem(node, path, describe(path) + " must be text");
			return null;
		}
		if (isNull(scalar)) {
			problem(node, path, describe(path) + " must not be empty");
			return null;
		}
		String value = scalar.getValue();
		if (value.isBlank()) {
			problem(node, path, describe(path) + " must not be blank");
			return null;
		}
		if (value.length() > maxLength) {
			problem(node, path, describe(path) + " is longer than " + maxLength + " characters");
			return null;
		}
		return value;
	}

	/** A whole number within bounds; null (with a problem) otherwise. */
	Integer integer(Node node, String path, int min, int max) {
		if (!(node instanceof ScalarNode scalar) || scalar.getTag() != Tag.INT
				&& !(scalar.getTag() == Tag.STR && scalar.getValue().matches("-?\\d{1,9}"))) {
			problem(node, path, describe(path) + " must be a whole number from " + min + " to " + max);
			return null;
		}
		try {
			int value = Integer.parseInt(scalar.getValue().replace("_", ""));
			if (value < min || value > max) {
				problem(node, path, describe(path) + " must be from " + min + " to " + max + ", not " + value);
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			problem(node, path, describe(path) + " must be a whole number from " + min + " to " + max);
			return null;
		}
	}

	/**
	 * The items of a list of scalars (a single scalar counts as a list of one), each with its node;
	 * null (with a problem) when it is something else.
	 */
	List<ScalarNode> scalars(Node node, String path, int max) {
		if (node instanceof ScalarNode scalar && !isNull(scalar)) {
			return List.of(scalar);
		}
		if (!(node instanceof SequenceNode sequence)) {
			problem(node, path, describe(path) + " must be a list");
			return null;
		}
		if (sequence.getValue().size() > max) {
			problem(node, path, describe(path) + " has more than " + max + " items");
			return null;
		}
		List<ScalarNode> items = new ArrayList<>();
		int i = 0;
		for (Node item : sequence.getValue()) {
			if (item instanceof ScalarNode scalar && !isNull(scalar)) {
				items.add(scalar);
			}
			else {
				problem(item, path + "[" + i + "]", "each item of " + describe(path) + " must be a word or text");
				return null;
			}
			i++;
		}
		return items;
	}

	/** Plain Java values for a free-form node (webhook payloads): maps, lists, texts, numbers, booleans. */
	Object plain(Node node, String path) {
		if (node instanceof ScalarNode scalar) {
			if (isNull(scalar)) {
				return null;
			}
			if (scalar.getTag() == Tag.BOOL) {
				return Boolean.parseBoolean(scalar.getValue()) || scalar.getValue().matches("(?i)yes|on|y");
			}
			if (scalar.getTag() == Tag.INT) {
				try {
					return Long.parseLong(scalar.getValue());
				}
				catch (NumberFormatException ex) {
					return scalar.getValue();
				}
			}
			return scalar.getValue();
		}
		if (node instanceof SequenceNode sequence) {
			List<Object> items = new ArrayList<>();
			int i = 0;
			for (Node item : sequence.getValue()) {
				items.add(plain(item, path + "[" + i++ + "]"));
			}
			return items;
		}
		Map<String, Object> map = new LinkedHashMap<>();
		for (NodeTuple tuple : ((MappingNode) node).getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
				problem(tuple.getKeyNode(), path, "keys must be plain words");
				continue;
			}
			if (map.containsKey(key.getValue())) {
				problem(key, child(path, key.getValue()), "'" + key.getValue() + "' is given twice");
				continue;
			}
			map.put(key.getValue(), plain(tuple.getValueNode(), child(path, key.getValue())));
		}
		return map;
	}

	static boolean isNull(Node node) {
		return node instanceof ScalarNode scalar && scalar.getTag() == Tag.NULL;
	}

	static String child(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	private static String describe(String path) {
		int dot = path.lastIndexOf('.');
		String last = dot < 0 ? path : path.substring(dot + 1);
		return last.isEmpty() ? "the document" : "'" + last + "'";
	}

}
