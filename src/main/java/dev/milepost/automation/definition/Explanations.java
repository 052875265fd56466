package dev.milepost.automation.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a blueprint back in plain language: one sentence per rule saying when it runs, the
 * condition in words and what it does, e.g. «When a milestone is 7 days away, if the milestone is
 * tagged “development”, remind the owners of its unfinished feeding tasks (in-app, e-mail) and
 * notify its owner and the project manager.»
 */
public final class Explanations {

	private Explanations() {
	}

	/** One sentence per rule, in the blueprint's order. */
	public static List<String> explain(Blueprint blueprint) {
		List<String> sentences = new ArrayList<>();
		for (Rule rule : blueprint.rules()) {
			sentences.add(explain(rule));
		}
		return sentences;
	}

	/** The rule as one sentence. */
	public static String explain(Rule rule) {
		StringBuilder sentence = new StringBuilder("When ").append(trigger(rule.when()));
		if (rule.condition() != null) {
			sentence.append(", if ").append(ConditionWords.of(rule.condition()));
		}
		List<String> actions = rule.then().stream().map(action -> action(action, rule.when())).toList();
		sentence.append(", ").append(and(actions)).append('.');
		return sentence.toString();
	}

	static String trigger(Trigger trigger) {
		if (trigger instanceof Trigger.TaskUpdated t) {
			return t.fields().isEmpty() ? "a task is changed"
					: "a task's " + or(t.fields().stream().map(Explanations::words).toList()) + " changes";
		}
		if (trigger instanceof Trigger.TaskDue t) {
			return t.days() == 0 ? "a task is due today" : "a task is due in " + count(t.days(), "working day");
		}
		if (trigger instanceof Trigger.MilestoneApproaching t) {
			return t.days() == 0 ? "a milestone's target is today" : "a milestone is " + count(t.days(), "day") + " away";
		}
		if (trigger instanceof Trigger.MilestoneStatusChanged t) {
			return "a milestone's status changes" + (t.from() == null ? "" : " from " + status(t.from()))
					+ (t.to() == null ? "" : " to " + status(t.to()));
		}
		if (trigger instanceof Trigger.ApprovalDecided t) {
			return t.outcome() == null ? "an approval request is decided"
					: "an approval request is " + t.outcome().toLowerCase(Locale.ROOT);
		}
		if (trigger instanceof Trigger.ProcessCompleted t) {
			return t.template() == null ? "a process completes" : "a process of " + template(t.template()) + " completes";
		}
		if (trigger instanceof Trigger.Schedule t) {
			return schedule(t);
		}
		return switch (trigger.name()) {
			case Triggers.TASK_CREATED -> "a task is created";
			case Triggers.TASK_COMPLETED -> "a task is completed";
			case Triggers.TASK_OVERDUE -> "a task is overdue";
			case Triggers.MILESTONE_AT_RISK -> "a milestone turns at risk";
			case Triggers.MILESTONE_MISSED -> "a milestone is missed";
			case Triggers.MILESTONE_ACHIEVED -> "a milestone is achieved";
			case Triggers.APPROVAL_REQUESTED -> "an approval is requested";
			case Triggers.DELIVERABLE_ACCEPTED -> "a deliverable is accepted";
			default -> trigger.name();
		};
	}

	static String action(Action action, Trigger trigger) {
		if (action instanceof Action.Notify a) {
			return "notify " + recipients(a.to(), trigger) + channels(a.channels());
		}
		if (action instanceof Action.RemindFeedingTaskOwners a) {
			return "remind the owners of its unfinished feeding tasks" + channels(a.channels());
		}
		if (action instanceof Action.Escalate a) {
			return "escalate to the project's sponsor (the manager when there is none)" + channels(a.channels());
		}
		if (action instanceof Action.RequestApproval a) {
			return "ask " + recipients(a.approvers(), trigger) + " to approve " + quote(a.title())
					+ (a.aboutMilestone() ? " about the milestone" : "") + " within " + count(a.dueDays(), "working day")
					+ switch (a.mode()) {
						case "ANY" -> " (any one of them may decide)";
						case "SEQUENCE" -> " (one after another)";
						default -> " (all of them)";
					};
		}
		if (action instanceof Action.StartProcess a) {
			return "start " + template(a.template()) + (a.processName() == null ? "" : " as " + quote(a.processName()))
					+ (a.startInDays() == 0 ? "" : " in " + count(a.startInDays(), "working day"));
		}
		if (action instanceof Action.CreateTask a) {
			return "create the task " + quote(a.taskName()) + " of " + count(a.durationDays(), "day") + " for "
					+ recipient(a.owner(), trigger)
					+ (a.startInDays() == 0 ? "" : ", starting in " + count(a.startInDays(), "working day"))
					+ (a.feedsMilestone() ? ", feeding the milestone" : "");
		}
		if (action instanceof Action.SetField a) {
			String variable = a.field().substring(0, a.field().indexOf('.'));
			String field = a.field().substring(a.field().indexOf('.') + 1);
			return a.mode().equals("add") ? "add " + quote(a.value()) + " to the milestone's tags"
					: "set the " + variable + "'s " + words(field) + " to " + quote(a.value());
		}
		Action.CallWebhook a = (Action.CallWebhook) action;
		return "call the webhook at " + a.url().getHost();
	}

	private static String recipients(List<Recipient> recipients, Trigger trigger) {
		return and(recipients.stream().map(r -> recipient(r, trigger)).toList());
	}

	private static String recipient(Recipient recipient, Trigger trigger) {
		if (recipient instanceof Recipient.Person person) {
			return "@" + person.username();
		}
		boolean milestone = trigger.variables().contains("milestone");
		return switch (((Recipient.OfRole) recipient).role()) {
			case OWNER -> milestone ? "its owner" : "its assignees";
			case MANAGER -> "the project manager";
			case SPONSOR -> "the sponsor";
			case ASSIGNEES -> milestone ? "the owners of its feeding tasks" : "its assignees";
			case STAKEHOLDERS -> "the stakeholders";
			case APPROVERS -> "the project's approvers";
			case MEMBERS -> "all members";
		};
	}

	private static String channels(List<NotifyChannel> channels) {
		if (channels.isEmpty()) {
			return "";
		}
		return channels.stream().map(c -> switch (c) {
			case IN_APP -> "in-app";
			case EMAIL -> "e-mail";
			case WEBHOOK -> "webhook";
		}).collect(Collectors.joining(", ", " (", ")"));
	}

	private static String template(String template) {
		return switch (template) {
			case "qa-cycle" -> "the QA cycle";
			case "it-operations-handover" -> "the IT operations handover";
			default -> "the process template " + template;
		};
	}

	private static String schedule(Trigger.Schedule schedule) {
		String zone = schedule.zone() == null ? "" : " (" + schedule.zone() + ")";
		String[] f = schedule.cron().trim().split("\\s+");
		if (f.length == 6 && f[0].equals("0") && f[1].matches("\\d{1,2}") && f[2].matches("\\d{1,2}")
				&& f[3].equals("*") && f[4].equals("*")) {
			String time = String.format(Locale.ROOT, "%02d:%02d", Integer.parseInt(f[2]), Integer.parseInt(f[1]));
			String days = switch (f[5].toUpperCase(Locale.ROOT)) {
				case "*", "?" -> "every day";
				case "MON-FRI" -> "every weekday";
				case "MON" -> "every Monday";
				case "TUE" -> "every Tuesday";
				case "WED" -> "every Wednesday";
				case "THU" -> "every Thursday";
				case "FRI" -> "every Friday";
				case "SAT" -> "every Saturday";
				case "SUN" -> "every Sunday";
				default -> null;
			};
			if (days != null) {
				return "it is " + time + zone + ", " + days;
			}
		}
		return "the schedule " + quote(schedule.cron()) + zone + " comes round";
	}

	static String status(String status) {
		return status.toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	static String quote(String text) {
		return "“" + text + "”";
	}

	/** {@code percentComplete} reads as {@code percent complete}. */
	static String words(String camel) {
		return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}

	private static String count(int n, String unit) {
		return n + " " + unit + (n == 1 ? "" : "s");
	}

	static String and(List<String> items) {
		return join(items, "and");
	}

	static String or(List<String> items) {
		return join(items, "or");
	}

	private static String join(List<String> items, String last) {
		if (items.size() <= 1) {
			return String.join("", items);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " " + last + " " + items.get(items.size() - 1);
	}

}
