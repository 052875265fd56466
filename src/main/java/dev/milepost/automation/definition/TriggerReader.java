package dev.milepost.automation.definition;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a rule's {@code when}: the trigger's name and its parameters. */
final class TriggerReader {

	/** Each trigger's parameters. */
	static final Map<String, List<String>> PARAMETERS = parameters();

	private final YamlTree tree;

	TriggerReader(YamlTree tree) {
		this.tree = tree;
	}

	Trigger trigger(Node node, String path) {
		String name = name(node, path);
		if (name == null) {
			return null;
		}
		List<String> allowed = new ArrayList<>();
		allowed.add("trigger");
		allowed.addAll(PARAMETERS.get(name));
		Optional<Map<String, Node>> keys = tree.mapping(node, path, allowed, required(name));
		if (keys.isEmpty()) {
			return null;
		}
		Map<String, Node> p = keys.get();
		int before = tree.problems().size();
		Trigger trigger = switch (name) {
			case Triggers.TASK_CREATED -> new Trigger.TaskCreated();
			case Triggers.TASK_UPDATED -> new Trigger.TaskUpdated(taskFields(p.get("fields"), path + ".fields"));
			case Triggers.TASK_COMPLETED -> new Trigger.TaskCompleted();
			case Triggers.TASK_OVERDUE -> new Trigger.TaskOverdue();
			case Triggers.TASK_DUE -> days(p, path, Trigger.TaskDue::new);
			case Triggers.MILESTONE_APPROACHING -> days(p, path, Trigger.MilestoneApproaching::new);
			case Triggers.MILESTONE_STATUS_CHANGED -> new Trigger.MilestoneStatusChanged(
					oneOf(p.get("from"), path + ".from", Vocabulary.MILESTONE_STATUSES),
					oneOf(p.get("to"), path + ".to", Vocabulary.MILESTONE_STATUSES));
			case Triggers.MILESTONE_AT_RISK -> new Trigger.MilestoneAtRisk();
			case Triggers.MILESTONE_MISSED -> new Trigger.MilestoneMissed();
			case Triggers.MILESTONE_ACHIEVED -> new Trigger.MilestoneAchieved();
			case Triggers.APPROVAL_REQUESTED -> new Trigger.ApprovalRequested();
			case Triggers.APPROVAL_DECIDED -> new Trigger.ApprovalDecided(
					oneOf(p.get("outcome"), path + ".outcome", Triggers.OUTCOMES));
			case Triggers.DELIVERABLE_ACCEPTED -> new Trigger.DeliverableAccepted();
			case Triggers.PROCESS_COMPLETED -> new Trigger.ProcessCompleted(
					optionalText(p.get("template"), path + ".template"));
			case Triggers.SCHEDULE -> schedule(p, path);
			default -> null;
		};
		return tree.problems().size() > before ? null : trigger;
	}

	private String name(Node node, String path) {
		if (!(node instanceof MappingNode map)) {
			tree.problem(node, path, "'when' must be a mapping with a trigger and its parameters");
			return null;
		}
		for (NodeTuple tuple : map.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("trigger")) {
				String name = tree.text(tuple.getValueNode(), path + ".trigger", 100);
				if (name != null && !PARAMETERS.containsKey(name)) {
					tree.problem(tuple.getValueNode(), path + ".trigger", "unknown trigger '" + name + "'; known: "
							+ String.join(", ", PARAMETERS.keySet()));
					return null;
				}
				return name;
			}
		}
		tree.problem(node, path + ".trigger", "'trigger' is required in " + path);
		return null;
	}

	private static List<String> required(String trigger) {
		return switch (trigger) {
			case Triggers.TASK_DUE, Triggers.MILESTONE_APPROACHING -> List.of("days");
			case Triggers.SCHEDULE -> List.of("cron");
			default -> List.of();
		};
	}

	private Trigger days(Map<String, Node> p, String path, java.util.function.IntFunction<Trigger> make) {
		if (!p.containsKey("days")) {
			return null;
		}
		Integer days = tree.integer(p.get("days"), path + ".days", 0, Triggers.MAX_DAYS);
		return days == null ? null : make.apply(days);
	}

	private List<String> taskFields(Node node, String path) {
		if (node == null || YamlTree.isNull(node)) {
			return List.of();
		}
		List<ScalarNode> items = tree.scalars(node, path, Vocabulary.TASK_FIELDS.size());
		if (items == null) {
			return List.of();
		}
		List<String> fields = new ArrayList<>();
		for (ScalarNode item : items) {
			if (!Vocabulary.TASK_FIELDS.contains(item.getValue())) {
				tree.problem(item, path, "unknown task field '" + item.getValue() + "'; known: "
						+ String.join(", ", Vocabulary.TASK_FIELDS));
			}
			else if (!fields.contains(item.getValue())) {
				fields.add(item.getValue());
			}
		}
		return fields;
	}

	private String oneOf(Node node, String path, List<String> allowed) {
		if (node == null || YamlTree.isNull(node)) {
			return null;
		}
		String value = tree.text(node, path, 100);
		if (value != null && !allowed.contains(value)) {
			tree.problem(node, path, "'" + value + "' is not one of " + String.join(", ", allowed));
			return null;
		}
		return value;
	}

	private String optionalText(Node node, String path) {
		return node == null || YamlTree.isNull(node) ? null : tree.text(node, path, 200);
	}

	private Trigger schedule(Map<String, Node> p, String path) {
		if (!p.containsKey("cron")) {
			return null;
		}
		String cron = tree.text(p.get("cron"), path + ".cron", 200);
		if (cron != null) {
			try {
				CronExpression.parse(cron);
			}
			catch (IllegalArgumentException ex) {
				tree.problem(p.get("cron"), path + ".cron", "'" + cron + "' is not a cron expression of 6 fields"
						+ " (second minute hour day month weekday, e.g. 0 0 9 * * MON): " + ex.getMessage());
				cron = null;
			}
		}
		String zone = optionalText(p.get("zone"), path + ".zone");
		if (zone != null) {
			try {
				ZoneId.of(zone);
			}
			catch (DateTimeException ex) {
				tree.problem(p.get("zone"), path + ".zone", "'" + zone + "' is not a time zone (e.g. Europe/Berlin)");
				zone = null;
			}
		}
		return cron == null ? null : new Trigger.Schedule(cron, zone);
	}

	private static Map<String, List<String>> parameters() {
		Map<String, List<String>> params = new LinkedHashMap<>();
		for (String trigger : Triggers.VARIABLES.keySet()) {
			params.put(trigger, switch (trigger) {
				case Triggers.TASK_UPDATED -> List.of("fields");
				case Triggers.TASK_DUE, Triggers.MILESTONE_APPROACHING -> List.of("days");
				case Triggers.MILESTONE_STATUS_CHANGED -> List.of("from", "to");
				case Triggers.APPROVAL_DECIDED -> List.of("outcome");
				case Triggers.PROCESS_COMPLETED -> List.of("template");
				case Triggers.SCHEDULE -> List.of("cron", "zone");
				default -> List.of();
			});
		}
		return java.util.Collections.unmodifiableMap(params);
	}

}
