package dev.milepost.automation.definition;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one entry of a rule's {@code then}: the action's name and parameters, checking roles,
 * people, channels, placeholders and templates, and that the action fits the rule's trigger.
 */
final class ActionReader {

	/** Each action's parameters besides {@code action}. */
	static final Map<String, List<String>> PARAMETERS = parameters();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final YamlTree tree;

	private final ProjectFacts facts;

	/** Null when the rule's trigger could not be read; checks that depend on it are then skipped. */
	private final Trigger trigger;

	ActionReader(YamlTree tree, ProjectFacts facts, Trigger trigger) {
		this.tree = tree;
		this.facts = facts;
		this.trigger = trigger;
	}

	Action action(Node node, String path) {
		String name = name(node, path);
		if (name == null) {
			return null;
		}
		List<String> allowed = new ArrayList<>();
		allowed.add("action");
		allowed.addAll(PARAMETERS.get(name));
		Optional<Map<String, Node>> keys = tree.mapping(node, path, allowed, required(name));
		if (keys.isEmpty()) {
			return null;
		}
		Params p = new Params(node, keys.get(), path);
		int before = tree.problems().size();
		Action action = switch (name) {
			case Action.NOTIFY -> notify(p);
			case Action.REMIND_FEEDING_TASK_OWNERS -> needsMilestone(p, "the action " + name,
					new Action.RemindFeedingTaskOwners(channels(p), p.text("message", false)));
			case Action.ESCALATE -> escalate(p);
			case Action.REQUEST_APPROVAL -> requestApproval(p);
			case Action.START_PROCESS -> startProcess(p);
			case Action.CREATE_TASK -> createTask(p);
			case Action.SET_FIELD -> setField(p);
			case Action.CALL_WEBHOOK -> callWebhook(p);
			default -> null;
		};
		return tree.problems().size() > before ? null : action;
	}

	private String name(Node node, String path) {
		if (!(node instanceof MappingNode map)) {
			tree.problem(node, path, "each action must be a mapping starting with 'action'");
			return null;
		}
		for (NodeTuple tuple : map.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("action")) {
				String name = tree.text(tuple.getValueNode(), path + ".action", 100);
				if (name != null && !PARAMETERS.containsKey(name)) {
					tree.problem(tuple.getValueNode(), path + ".action", "unknown action '" + name + "'; known: "
							+ String.join(", ", Action.NAMES));
					return null;
				}
				return name;
			}
		}
		tree.problem(node, path + ".action", "'action' is required in " + path);
		return null;
	}

	private static List<String> required(String action) {
		return switch (action) {
			case Action.NOTIFY -> List.of("to", "message");
			case Action.ESCALATE -> List.of("message");
			case Action.REQUEST_APPROVAL -> List.of("title", "approvers");
			case Action.START_PROCESS -> List.of("template");
			case Action.CREATE_TASK -> List.of("name", "duration-days", "owner");
			case Action.SET_FIELD -> List.of("field", "value");
			case Action.CALL_WEBHOOK -> List.of("url");
			default -> List.of();
		};
	}

	private Action notify(Params p) {
		List<Recipient> to = recipients(p, "to");
		List<NotifyChannel> channels = channels(p);
		String message = p.text("message", true);
		return to == null || message == null ? null : new Action.Notify(to, channels, message);
	}

	private Action escalate(Params p) {
		String message = p.text("message", true);
		List<NotifyChannel> channels = channels(p);
		return message == null ? null : new Action.Escalate(message, channels);
	}

	private Action requestApproval(Params p) {
		String mode = p.oneOf("mode", Action.RequestApproval.MODES);
		boolean about = p.has("about") && p.oneOf("about", List.of("milestone")) != null;
		if (about) {
			needsMilestone(p, "'about: milestone'", null);
		}
		Integer due = p.has("due-days") ? p.integer("due-days", 0, 365) : Integer.valueOf(5);
		List<Recipient> approvers = recipients(p, "approvers");
		String title = p.text("title", true);
		if (title == null || due == null || approvers == null) {
			return null;
		}
		return new Action.RequestApproval(title, approvers, due, mode == null ? "ALL" : mode, about);
	}

	private Action startProcess(Params p) {
		String template = p.text("template", true);
		if (template != null && !Vocabulary.BUILT_IN_TEMPLATES.contains(template) && !facts.hasTemplate(template)) {
			tree.problem(p.node("template"), p.path("template"), "no process template '" + template
					+ "' in this project; built in: " + String.join(", ", Vocabulary.BUILT_IN_TEMPLATES));
			return null;
		}
		Integer start = p.has("start-in-days") ? p.integer("start-in-days", 0, 365) : Integer.valueOf(0);
		String name = p.text("name", false);
		return template == null || start == null ? null : new Action.StartProcess(template, start, name);
	}

	private Action createTask(Params p) {
		String name = p.text("name", true);
		Integer duration = p.integer("duration-days", 0, 365);
		Recipient owner = p.has("owner") ? recipient((ScalarNode) p.scalar("owner"), p.path("owner")) : null;
		Integer start = p.has("start-in-days") ? p.integer("start-in-days", 0, 365) : Integer.valueOf(0);
		boolean feeds = p.has("feeds") && p.oneOf("feeds", List.of("milestone")) != null;
		if (feeds) {
			needsMilestone(p, "'feeds: milestone'", null);
		}
		if (name == null || duration == null || owner == null || start == null) {
			return null;
		}
		return new Action.CreateTask(name, duration, owner, start, feeds);
	}

	private Action setField(Params p) {
		String field = p.oneOf("field", Vocabulary.SETTABLE_FIELDS);
		String value = p.text("value", true);
		String mode = p.has("mode") ? p.oneOf("mode", List.of("set", "add")) : "set";
		if (field == null || value == null || mode == null) {
			return null;
		}
		if (mode.equals("add") && !field.equals("milestone.tags")) {
			tree.problem(p.node("mode"), p.path("mode"), "'add' is only for milestone.tags");
			return null;
		}
		String variable = field.substring(0, field.indexOf('.'));
		if (trigger != null && !trigger.variables().contains(variable)) {
			tree.problem(p.node("field"), p.path("field"), "the trigger " + trigger.name() + " has no " + variable
					+ " whose " + field.substring(field.indexOf('.') + 1) + " could be set");
			return null;
		}
		return new Action.SetField(field, value, mode);
	}

	private Action callWebhook(Params p) {
		String url = p.text("url", true);
		URI uri = null;
		if (url != null) {
			try {
				uri = new URI(url);
				if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
					tree.problem(p.node("url"), p.path("url"), "the webhook's url must be an https:// address");
					uri = null;
				}
				else {
					Optional<String> refusal = facts.addressRefusal(uri);
					if (refusal.isPresent()) {
						tree.problem(p.node("url"), p.path("url"), refusal.get());
						uri = null;
					}
				}
			}
			catch (URISyntaxException ex) {
				tree.problem(p.node("url"), p.path("url"), "'" + url + "' is not a web address");
			}
		}
		Map<String, Object> payload = Map.of();
		if (p.has("payload")) {
			Node node = p.node("payload");
			if (!(node instanceof MappingNode)) {
				tree.problem(node, p.path("payload"), "'payload' must be a mapping of keys to values");
			}
			else {
				@SuppressWarnings("unchecked")
				Map<String, Object> plain = (Map<String, Object>) tree.plain(node, p.path("payload"));
				payload = plain;
				placeholdersIn(plain, node, p.path("payload"));
			}
		}
		return uri == null ? null : new Action.CallWebhook(uri, payload);
	}

	private <T> T needsMilestone(Params p, String what, T action) {
		if (trigger != null && !trigger.variables().contains("milestone")) {
			tree.problem(p.self, p.path, what + " needs a milestone trigger, not " + trigger.name());
			return null;
		}
		return action;
	}

	private List<NotifyChannel> channels(Params p) {
		if (!p.has("channels")) {
			return List.of();
		}
		List<ScalarNode> items = tree.scalars(p.node("channels"), p.path("channels"), 3);
		List<NotifyChannel> channels = new ArrayList<>();
		for (ScalarNode item : items == null ? List.<ScalarNode>of() : items) {
			Optional<NotifyChannel> channel = NotifyChannel.of(item.getValue());
			if (channel.isEmpty()) {
				tree.problem(item, p.path("channels"), "unknown channel '" + item.getValue() + "'; known: "
						+ String.join(", ", NotifyChannel.names()));
			}
			else if (!channels.contains(channel.get())) {
				channels.add(channel.get());
			}
		}
		return channels;
	}

	private List<Recipient> recipients(Params p, String key) {
		if (!p.has(key)) {
			return null;
		}
		List<ScalarNode> items = tree.scalars(p.node(key), p.path(key), 20);
		if (items == null) {
			return null;
		}
		List<Recipient> recipients = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Recipient recipient = recipient(items.get(i), p.path(key) + (items.size() > 1 ? "[" + i + "]" : ""));
			if (recipient != null && !recipients.contains(recipient)) {
				recipients.add(recipient);
			}
		}
		return recipients;
	}

	private Recipient recipient(ScalarNode node, String path) {
		if (node == null) {
			return null;
		}
		String value = node.getValue().trim();
		if (value.startsWith("@")) {
			String username = value.substring(1);
			if (!USERNAME.matcher(username).matches()) {
				tree.problem(node, path, "'" + value + "' is not a username");
				return null;
			}
			if (!facts.isMember(username)) {
				tree.problem(node, path, "@" + username + " is not a member of this project");
				return null;
			}
			return new Recipient.Person(username);
		}
		Optional<Role> role = Role.of(value);
		if (role.isEmpty()) {
			tree.problem(node, path, "unknown role '" + value + "'; known: " + String.join(", ", Role.names())
					+ ", or @username");
			return null;
		}
		if ((role.get() == Role.OWNER || role.get() == Role.ASSIGNEES) && trigger != null
				&& !trigger.variables().contains("milestone") && !trigger.variables().contains("task")) {
			tree.problem(node, path, "'" + value + "' needs a task or milestone trigger, not " + trigger.name());
			return null;
		}
		return new Recipient.OfRole(role.get());
	}

	/** Checks each {@code {{variable.field}}} against the trigger's variables. */
	private void placeholders(String text, Node node, String path) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			String reference = matcher.group(1).trim();
			String problem = placeholderProblem(reference);
			if (problem != null) {
				tree.problem(node, path, "placeholder {{" + reference + "}}: " + problem);
			}
		}
	}

	private String placeholderProblem(String reference) {
		String[] parts = reference.split("\\.", -1);
		if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
			return "write it as {{variable.field}}, e.g. {{milestone.name}}";
		}
		Optional<Map<String, Vocabulary.FieldType>> fields = Vocabulary.fields(parts[0]);
		if (fields.isEmpty()) {
			return "unknown variable '" + parts[0] + "'";
		}
		if (trigger != null && !trigger.variables().contains(parts[0])) {
			return "the trigger " + trigger.name() + " has no '" + parts[0] + "'; it has "
					+ String.join(", ", trigger.variables());
		}
		if (parts[0].equals("changes")) {
			boolean ok = parts.length == 3 && Vocabulary.TASK_FIELDS.contains(parts[1])
					&& (parts[2].equals("before") || parts[2].equals("after"));
			return ok ? null : "write it as {{changes.field.before}} or {{changes.field.after}}";
		}
		if (parts.length > 2 || !fields.get().containsKey(parts[1])) {
			return "'" + parts[0] + "' has no field '" + reference.substring(parts[0].length() + 1) + "'; it has "
					+ String.join(", ", fields.get().keySet());
		}
		return null;
	}

	private void placeholdersIn(Object value, Node node, String path) {
		if (value instanceof String text) {
			placeholders(text, node, path);
		}
		else if (value instanceof Map<?, ?> map) {
			map.values().forEach(v -> placeholdersIn(v, node, path));
		}
		else if (value instanceof List<?> list) {
			list.forEach(v -> placeholdersIn(v, node, path));
		}
	}

	/** The parameters of one action, with their paths. */
	private final class Params {

		private final Node self;

		private final Map<String, Node> nodes;

		private final String path;

		Params(Node self, Map<String, Node> nodes, String path) {
			this.self = self;
			this.nodes = nodes;
			this.path = path;
		}

		boolean has(String key) {
			return nodes.containsKey(key) && !YamlTree.isNull(nodes.get(key));
		}

		Node node(String key) {
			return nodes.get(key);
		}

		Node scalar(String key) {
			Node node = nodes.get(key);
			if (!(node instanceof ScalarNode)) {
				tree.problem(node, path(key), "'" + key + "' must be a role or @username");
				return null;
			}
			return node;
		}

		String path(String key) {
			return path + "." + key;
		}

		String text(String key, boolean required) {
			if (!has(key)) {
				return null; // a missing required key was already reported
			}
			String text = tree.text(nodes.get(key), path(key), BlueprintParser.MAX_TEXT);
			if (text != null) {
				placeholders(text, nodes.get(key), path(key));
			}
			return text;
		}

		Integer integer(String key, int min, int max) {
			return has(key) ? tree.integer(nodes.get(key), path(key), min, max) : null;
		}

		String oneOf(String key, List<String> allowed) {
			if (!has(key)) {
				return null;
			}
			String value = tree.text(nodes.get(key), path(key), 100);
			if (value != null && !allowed.contains(value)) {
				tree.problem(nodes.get(key), path(key), "'" + value + "' is not one of " + String.join(", ", allowed));
				return null;
			}
			return value;
		}

	}

	private static Map<String, List<String>> parameters() {
		Map<String, List<String>> params = new LinkedHashMap<>();
		params.put(Action.NOTIFY, List.of("to", "channels", "message"));
		params.put(Action.REMIND_FEEDING_TASK_OWNERS, List.of("channels", "message"));
		params.put(Action.ESCALATE, List.of("message", "channels"));
		params.put(Action.REQUEST_APPROVAL, List.of("title", "approvers", "due-days", "mode", "about"));
		params.put(Action.START_PROCESS, List.of("template", "start-in-days", "name"));
		params.put(Action.CREATE_TASK, List.of("name", "duration-days", "owner", "start-in-days", "feeds"));
		params.put(Action.SET_FIELD, List.of("field", "value", "mode"));
		params.put(Action.CALL_WEBHOOK, List.of("url", "payload"));
		return java.util.Collections.unmodifiableMap(params);
	}

}
