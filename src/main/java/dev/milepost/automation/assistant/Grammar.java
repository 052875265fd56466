package dev.milepost.automation.assistant;

import static dev.milepost.automation.assistant.Phrases.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import dev.milepost.automation.assistant.Draft.DraftAction;
import dev.milepost.automation.assistant.Draft.DraftRule;
import dev.milepost.automation.assistant.Sentence.Match;
import dev.milepost.automation.assistant.Words.Word;

/**
 * The offline assistant: reads plain sentences with a fixed grammar (docs/blueprints.md, "The
 * assistant") and drafts one rule per understood trigger. It never guesses: words it cannot place
 * are reported with their position, and a sentence without a trigger or an action makes no rule.
 */
final class Grammar {

	/** What a sentence is about, which decides the CEL variable its conditions and roles refer to. */
	enum Subject {
		TASK, MILESTONE, APPROVAL, DELIVERABLE, PROCESS, SCHEDULE
	}

	/** A trigger found in a sentence. */
	record Found(String trigger, Map<String, Object> parameters, Subject subject, String summary, String message,
			String condition, int position) {
	}

	/** A condition phrase, turned into CEL once the subject is known. */
	record Qualifier(String phrase, int position, java.util.function.Function<Subject, String> cel, String needs) {
	}

	/** An action phrase as read, before it is fitted to a trigger. */
	record Act(int position, String phrase, String kind, List<String> to, String verb, String message,
			Map<String, Object> extra) {
	}

	private record Trigger(Pattern pattern, BiFunction<Match, Sentence, Found> read) {
	}

	private static final List<Trigger> TRIGGERS = List.of(
			new Trigger(TASK_DUE_FROM, Grammar::taskDue), new Trigger(TASK_DUE_IN, Grammar::taskDue),
			new Trigger(TASK_DUE_BEFORE, Grammar::taskDue), new Trigger(TASK_DUE_DAY, Grammar::taskDue),
			new Trigger(MILESTONE_AWAY, Grammar::milestoneApproaching),
			new Trigger(MILESTONE_DUE_IN, Grammar::milestoneApproaching),
			new Trigger(MILESTONE_BEFORE, Grammar::milestoneApproaching),
			new Trigger(MILESTONE_DUE_DAY, Grammar::milestoneApproaching),
			new Trigger(TASK_OVERDUE, (m, s) -> found("task.overdue", Map.of(), Subject.TASK, "a task is overdue",
					"{{task.name}} is overdue: it was due on {{task.plannedFinish}}", m)),
			new Trigger(TASK_COMPLETED, (m, s) -> found("task.completed", Map.of(), Subject.TASK, "a task is completed",
					"{{task.name}} is done", m)),
			new Trigger(TASK_CREATED, (m, s) -> found("task.created", Map.of(), Subject.TASK, "a task is created",
					"New task: {{task.name}}", m)),
			new Trigger(TASK_UPDATED, Grammar::taskUpdated),
			new Trigger(MILESTONE_STATUS, Grammar::milestoneStatus),
			new Trigger(MILESTONE_AT_RISK, (m, s) -> found("milestone.at-risk", Map.of(), Subject.MILESTONE,
					"a milestone turns at risk",
					"{{milestone.name}} is at risk: forecast {{milestone.forecast}}, target {{milestone.target}}", m)),
			new Trigger(MILESTONE_MISSED, (m, s) -> found("milestone.missed", Map.of(), Subject.MILESTONE,
					"a milestone is missed", "{{milestone.name}} missed its target of {{milestone.target}}", m)),
			new Trigger(MILESTONE_ACHIEVED, (m, s) -> found("milestone.achieved", Map.of(), Subject.MILESTONE,
					"a milestone is achieved", "{{milestone.name}} was achieved", m)),
			new Trigger(MILESTONE_APPROACHING, Grammar::milestoneStatusWord),
			new Trigger(APPROVAL_DECIDED, Grammar::approvalDecided),
			new Trigger(APPROVAL_REQUESTED, Grammar::approvalRequested),
			new Trigger(DELIVERABLE_ACCEPTED, (m, s) -> found("deliverable.accepted", Map.of(), Subject.DELIVERABLE,
					"a deliverable is accepted", "{{deliverable.name}} was accepted", m)),
			new Trigger(PROCESS_COMPLETED, Grammar::processCompleted));

	private final String text;

	private final List<DraftRule> rules = new ArrayList<>();

	private final List<Understood> understood = new ArrayList<>();

	private final List<NotUnderstood> notUnderstood = new ArrayList<>();

	private final Set<String> names = new LinkedHashSet<>();

	private Grammar(String text) {
		this.text = text;
	}

	/**
	 * The most steps (characters read by phrase patterns) one request may take. The longest
	 * request the API takes ({@value BlueprintAssistant#MAX_TEXT} characters) of documented
	 * phrasings needs a small fraction of it; see AssistantFuzzTests.
	 */
	static final long MAX_STEPS = 10_000_000L;

	static Draft read(String text) {
		return read(text, MAX_STEPS);
	}

	/**
	 * Reads the text within a budget of steps: once it is spent, the sentence being read and the
	 * rest of the text are reported as not understood (the rules of earlier sentences stay).
	 */
	static Draft read(String text, long budget) {
		Grammar grammar = new Grammar(text);
		Steps steps = new Steps(budget);
		for (List<Word> words : Words.sentences(text)) {
			try {
				grammar.sentence(new Sentence(words, steps));
			}
			catch (Steps.Exhausted spent) {
				int from = words.get(0).start();
				grammar.notUnderstood.add(new NotUnderstood(text.substring(from).strip(), from,
						"The request is too involved to read in one go; the assistant stopped here. "
								+ "Split it into shorter requests, one rule each."));
				break;
			}
		}
		return new Draft(List.copyOf(grammar.rules), List.copyOf(grammar.understood),
				List.copyOf(grammar.notUnderstood), steps.used());
	}

	private void sentence(Sentence s) {
		String whole = s.text(text);
		List<String> channels = channels(s);
		Found schedule = schedule(s);
		List<Qualifier> qualifiers = qualifiers(s);
		List<Found> triggers = new ArrayList<>();
		for (Trigger trigger : TRIGGERS) {
			for (Match m = s.take(trigger.pattern()); m != null; m = s.take(trigger.pattern())) {
				Found found = trigger.read().apply(m, s);
				if (found.trigger() == null) {
					notUnderstood.add(new NotUnderstood(m.phrase(), m.position(), found.summary()));
				}
				else if (triggers.stream().noneMatch(t -> t.trigger().equals(found.trigger())
						&& t.parameters().equals(found.parameters()) && Objects.equals(t.condition(), found.condition()))) {
					triggers.add(found); // the same trigger said twice is one rule
				}
			}
		}
		List<Act> acts = actions(s);
		if (schedule != null && !triggers.isEmpty()) {
			notUnderstood.add(new NotUnderstood(schedule.summary(), schedule.position(),
					"A rule has one trigger, and a schedule cannot be combined with \"" + triggers.get(0).summary()
							+ "\" (a scheduled rule has no task or milestone to act on): the rule fires when "
							+ triggers.get(0).summary() + " instead."));
		}
		else if (schedule != null) {
			triggers.add(schedule);
		}
		if (triggers.isEmpty()) {
			if (s.anythingLeft() || !acts.isEmpty()) {
				notUnderstood.add(new NotUnderstood(whole, s.position(), "No trigger understood: say when it should "
						+ "happen, e.g. \"when a task is overdue\", \"if a milestone turns at risk\" or \"every Monday at 9\"."));
			}
			return;
		}
		if (acts.isEmpty()) {
			notUnderstood.add(new NotUnderstood(whole, s.position(), "No action understood: say what to do, e.g. "
					+ "\"notify the manager\", \"escalate to the sponsor\" or \"start the QA cycle\"."));
			return;
		}
		for (List<Word> run : s.leftOver()) {
			notUnderstood.add(new NotUnderstood(text.substring(run.get(0).start(), run.get(run.size() - 1).end()),
					run.get(0).start(), "Not part of the assistant's grammar; left out of the draft."));
		}
		List<String> meanings = new ArrayList<>();
		for (Found trigger : triggers) {
			DraftRule rule = rule(trigger, qualifiers, acts, channels);
			if (rule != null) {
				rules.add(rule);
				meanings.add(meaning(rule));
			}
		}
		if (!meanings.isEmpty()) {
			understood.add(new Understood(whole, s.position(), String.join(" ", meanings)));
		}
	}

	// ---- triggers -------------------------------------------------------------------------------

	private static Found found(String trigger, Map<String, Object> parameters, Subject subject, String summary,
			String message, Match m) {
		return new Found(trigger, parameters, subject, summary, message, null, m.position());
	}

	private static Integer days(Match m) {
		if (m.has("day")) {
			return m.norm("day").equals("today") ? 0 : 1;
		}
		String n = m.norm("n");
		int count = n.equals("a") || n.equals("an") ? 1 : number(n);
		return m.norm("u").startsWith("week") ? count * 7 : count;
	}

	/** A number as written, capped at 99,999 so that absurd ones are refused by the range checks. */
	static int number(String digits) {
		return digits.length() > 5 ? 99_999 : Math.min(99_999, Integer.parseInt(digits));
	}

	private static Found outOfRange(Match m, int days) {
		return new Found(null, Map.of(), null, "A rule can look at most 365 days ahead, not " + days + ".", null, null,
				m.position());
	}

	private static Found taskDue(Match m, Sentence s) {
		int days = days(m);
		if (days > 365) {
			return outOfRange(m, days);
		}
		return new Found("task.due", Map.of("days", days), Subject.TASK, "a task is due in " + plural(days, "working day"),
				"{{task.name}} is due in " + plural(days, "working day") + " (on {{task.plannedFinish}})", null,
				m.position());
	}

	private static Found milestoneApproaching(Match m, Sentence s) {
		int days = days(m);
		if (days > 365) {
			return outOfRange(m, days);
		}
		return new Found("milestone.approaching", Map.of("days", days), Subject.MILESTONE,
				"a milestone is " + plural(days, "day") + " away",
				"{{milestone.name}} is due in " + plural(days, "day") + " (on {{milestone.target}})", null, m.position());
	}

	private static final Map<String, String> TASK_FIELDS = Map.ofEntries(Map.entry("name", "name"),
			Map.entry("status", "status"), Map.entry("assignee", "assignees"), Map.entry("assignees", "assignees"),
			Map.entry("start", "plannedStart"), Map.entry("start date", "plannedStart"),
			Map.entry("finish", "plannedFinish"), Map.entry("finish date", "plannedFinish"),
			Map.entry("due date", "plannedFinish"), Map.entry("end date", "plannedFinish"),
			Map.entry("progress", "percentComplete"), Map.entry("percent complete", "percentComplete"),
			Map.entry("duration", "durationDays"));

	private static Found taskUpdated(Match m, Sentence s) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String summary = "a task is changed";
		if (m.has("f")) {
			Set<String> fields = new LinkedHashSet<>();
			for (String part : m.norm("f").split(" (?:and|or|,) ")) {
				fields.add(TASK_FIELDS.get(part.trim()));
			}
			parameters.put("fields", List.copyOf(fields));
			summary = "a task's " + String.join(" or ", fields) + " changes";
		}
		return new Found("task.updated", parameters, Subject.TASK, summary, "{{task.name}} was changed", null,
				m.position());
	}

	private static String status(String words) {
		return words.toUpperCase(Locale.ROOT).replace(' ', '_');
	}

	private static Found milestoneStatus(Match m, Sentence s) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		StringBuilder summary = new StringBuilder("a milestone's status changes");
		if (m.has("from")) {
			parameters.put("from", status(m.norm("from")));
			summary.append(" from ").append(m.norm("from"));
		}
		if (m.has("to")) {
			parameters.put("to", status(m.norm("to")));
			summary.append(" to ").append(m.norm("to"));
		}
		return new Found("milestone.status-changed", parameters, Subject.MILESTONE, summary.toString(),
				"{{milestone.name}} is now {{change.to}} (was {{change.from}})", null, m.position());
	}

	private static Found milestoneStatusWord(Match m, Sentence s) {
		String to = m.has("ok") ? "ON_TRACK" : "APPROACHING";
		String words = to.equals("ON_TRACK") ? "on track" : "approaching";
		return new Found("milestone.status-changed", Map.of("to", to), Subject.MILESTONE,
				"a milestone's status changes to " + words, "{{milestone.name}} is now " + words
						+ " (target {{milestone.target}}, forecast {{milestone.forecast}})", null, m.position());
	}

	private static Found approvalDecided(Match m, Sentence s) {
		String outcome = switch (m.norm("o")) {
			case "approved", "granted", "accepted" -> "APPROVED";
			case "rejected", "denied", "declined", "refused" -> "REJECTED";
			default -> null;
		};
		Map<String, Object> parameters = outcome == null ? Map.of() : Map.of("outcome", outcome);
		String title = title(m, s);
		String what = title == null ? "an approval" : "the \"" + title + "\" approval";
		String summary = what + " is " + (outcome == null ? "decided" : outcome.toLowerCase(Locale.ROOT));
		return new Found("approval.decided", parameters, Subject.APPROVAL, summary,
				"Approval #{{approval.number}} ({{approval.title}}) was {{approval.status}} by {{approval.decidedBy}}",
				titleCondition(title), m.position());
	}

	private static Found approvalRequested(Match m, Sentence s) {
		String title = title(m, s);
		String what = title == null ? "an approval" : "the \"" + title + "\" approval";
		return new Found("approval.requested", Map.of(), Subject.APPROVAL, what + " is requested",
				"Approval #{{approval.number}} requested: {{approval.title}}", titleCondition(title), m.position());
	}

	private static String title(Match m, Sentence s) {
		if (!m.has("title")) {
			return null;
		}
		String norm = m.norm("title");
		return norm.startsWith("q#") ? s.quoted(norm) : m.text("title");
	}

	/** Titles are matched as whole words, ignoring case, so "go-live" finds "Go-live sign-off". */
	private static String titleCondition(String title) {
		if (title == null) {
			return null;
		}
		StringBuilder regex = new StringBuilder("(?i)");
		for (char c : title.toCharArray()) {
			if ("\\.^$|?*+()[]{}".indexOf(c) >= 0) {
				regex.append('\\');
			}
			regex.append(c);
		}
		return "approval.title.matches(" + Yaml.celString(regex.toString()) + ")";
	}

	private static final Map<String, String> TEMPLATES = Map.of("qa", "qa-cycle", "qa cycle", "qa-cycle",
			"quality assurance", "qa-cycle", "quality assurance cycle", "qa-cycle", "it operations handover",
			"it-operations-handover", "it ops handover", "it-operations-handover", "operations handover",
			"it-operations-handover", "handover", "it-operations-handover");

	private static String template(String norm, Sentence s) {
		if (norm.startsWith("q#")) {
			return s.quoted(norm);
		}
		return TEMPLATES.get(norm);
	}

	private static Found processCompleted(Match m, Sentence s) {
		String tpl = m.has("tpl") ? m.norm("tpl") : m.norm("tpl2");
		Map<String, Object> parameters = tpl == null ? Map.of() : Map.of("template", template(tpl, s));
		String summary = tpl == null ? "a process completes" : "a " + template(tpl, s) + " process completes";
		return new Found("process.completed", parameters, Subject.PROCESS, summary, "{{process.name}} is complete",
				null, m.position());
	}

	// ---- schedule -------------------------------------------------------------------------------

	private static Found schedule(Sentence s) {
		Match day = s.take(SCHEDULE_DAY);
		if (day == null) {
			return null;
		}
		String dow;
		String when;
		String d = day.has("daily") ? day.norm("daily") : day.norm("day");
		if (d.equals("day") || d.equals("daily") || d.endsWith("morning")) {
			dow = "*";
			when = "every day";
		}
		else if (d.contains("week") || d.contains("working") || d.contains("business")) {
			dow = "MON-FRI";
			when = "every working day (Monday to Friday)";
		}
		else {
			dow = d.substring(0, 3).toUpperCase(Locale.ROOT);
			when = "every " + Character.toUpperCase(d.charAt(0)) + d.substring(1);
		}
		int hour = 9;
		int minute = 0;
		String at = " at 09:00 (no time given)";
		Match time = s.take(SCHEDULE_TIME);
		if (time != null) {
			hour = Integer.parseInt(time.norm("h"));
			minute = time.has("m") ? Integer.parseInt(time.norm("m")) : 0;
			if ("pm".equals(time.norm("ap")) && hour < 12) {
				hour += 12;
			}
			else if ("am".equals(time.norm("ap")) && hour == 12) {
				hour = 0;
			}
			if (hour > 23 || minute > 59) {
				hour = 9;
				minute = 0;
			}
			else {
				at = String.format(Locale.ROOT, " at %02d:%02d", hour, minute);
			}
		}
		Map<String, Object> parameters = Map.of("cron", "0 " + minute + " " + hour + " * * " + dow);
		return new Found("schedule", parameters, Subject.SCHEDULE, when + at, "Scheduled reminder for {{project.name}}",
				null, day.position());
	}

	// ---- channels and qualifiers ----------------------------------------------------------------

	private static List<String> channels(Sentence s) {
		Set<String> channels = new LinkedHashSet<>();
		for (Match m : s.takeAll(CHANNELS)) {
			channels.add(channel(m.norm("c")));
			if (m.has("c2")) {
				channels.add(channel(m.norm("c2")));
			}
		}
		if (s.take(IN_APP) != null) {
			channels.add("in-app");
		}
		return List.copyOf(channels);
	}

	private static String channel(String word) {
		return switch (word) {
			case "email" -> "email";
			case "webhook" -> "webhook";
			default -> "in-app";
		};
	}

	/**
	 * The condition phrases of a sentence; those after "unless" are negated. An "unless" with
	 * nothing understood after it stays unexplained and is reported.
	 */
	private static List<Qualifier> qualifiers(Sentence s) {
		Match unless = s.take(UNLESS);
		List<Qualifier> qualifiers = positiveQualifiers(s);
		if (unless == null) {
			return qualifiers;
		}
		List<Qualifier> read = new ArrayList<>();
		boolean negatedAny = false;
		for (Qualifier q : qualifiers) {
			if (q.position() > unless.position()) {
				negatedAny = true;
				read.add(new Qualifier(unless.phrase() + " " + q.phrase(), unless.position(), subject -> {
					String cel = q.cel().apply(subject);
					return cel == null ? null : "!(" + cel + ")";
				}, q.needs()));
			}
			else {
				read.add(q);
			}
		}
		if (!negatedAny) {
			s.forget(unless);
		}
		return read;
	}

	private static List<Qualifier> positiveQualifiers(Sentence s) {
		List<Qualifier> qualifiers = new ArrayList<>();
		for (Match m : s.takeAll(NOT_DONE)) {
			qualifiers.add(new Qualifier(m.phrase(), m.position(), subject -> switch (subject) {
				case TASK -> "task.status != \"DONE\"";
				case MILESTONE -> "!milestone.achieved";
				default -> null;
			}, "a task or a milestone"));
		}
		for (Match m : s.takeAll(CRITICAL)) {
			qualifiers.add(new Qualifier(m.phrase(), m.position(),
					subject -> subject == Subject.TASK ? "task.critical" : null, "a task"));
		}
		for (Match m : s.takeAll(TAGGED)) {
			List<String> tags = new ArrayList<>();
			for (String tag : m.norm("tags").split(" (?:or|,) ")) {
				tags.add(tag.startsWith("q#") ? s.quoted(tag) : tag);
			}
			qualifiers.add(new Qualifier(m.phrase(), m.position(), subject -> {
				if (subject != Subject.MILESTONE) {
					return null;
				}
				List<String> tests = tags.stream().map(tag -> "t == " + Yaml.celString(tag)).toList();
				return "milestone.tags.exists(t, " + String.join(" || ", tests) + ")";
			}, "a milestone (only milestones have tags)"));
		}
		for (Match m : s.takeAll(OWNED_BY)) {
			String who = Yaml.celString(m.text("who").substring(1));
			qualifiers.add(new Qualifier(m.phrase(), m.position(), subject -> switch (subject) {
				case MILESTONE -> "milestone.owner == " + who;
				case TASK -> who + " in task.assignees";
				default -> null;
			}, "a task or a milestone"));
		}
		for (Match m : s.takeAll(ASSIGNED_TO)) {
			String who = Yaml.celString(m.text("who").substring(1));
			qualifiers.add(new Qualifier(m.phrase(), m.position(),
					subject -> subject == Subject.TASK ? who + " in task.assignees" : null, "a task"));
		}
		for (Match m : s.takeAll(NAMED)) {
			String name = Yaml.celString(s.quoted(m.norm("name")));
			qualifiers.add(new Qualifier(m.phrase(), m.position(), subject -> switch (subject) {
				case TASK -> "task.name.contains(" + name + ")";
				case MILESTONE -> "milestone.name.contains(" + name + ")";
				case APPROVAL -> "approval.title.contains(" + name + ")";
				case DELIVERABLE -> "deliverable.name.contains(" + name + ")";
				case PROCESS -> "process.name.contains(" + name + ")";
				default -> null;
			}, "a task, milestone, approval, deliverable or process"));
		}
		for (Match m : s.takeAll(PERCENT)) {
			int percent = number(m.norm("p"));
			qualifiers.add(new Qualifier(m.phrase(), m.position(),
					subject -> subject == Subject.TASK && percent <= 100 ? "task.percentComplete < " + percent : null,
					"a task (with a percentage from 0 to 100)"));
		}
		for (Match m : s.takeAll(SLACK)) {
			int days = number(m.norm("d"));
			qualifiers.add(new Qualifier(m.phrase(), m.position(),
					subject -> subject == Subject.MILESTONE ? "milestone.slackDays < " + days : null, "a milestone"));
		}
		return qualifiers;
	}

	// ---- actions --------------------------------------------------------------------------------

	private static List<Act> actions(Sentence s) {
		List<Act> acts = new ArrayList<>();
		for (Match m : s.takeAll(REMIND_FEEDING)) {
			acts.add(new Act(m.position(), m.phrase(), "remind-feeding-task-owners", List.of(), "remind", null, Map.of()));
		}
		for (Match m : s.takeAll(CREATE_TASK)) {
			Map<String, Object> extra = new LinkedHashMap<>();
			extra.put("name", s.quoted(m.norm("name")));
			Match owner = s.take(TASK_OWNER);
			Match duration = s.take(TASK_DURATION);
			Match start = s.take(TASK_START);
			if (duration != null) {
				extra.put("duration-days", number(duration.norm("d")));
			}
			if (start != null && start.has("s")) {
				extra.put("start-in-days", number(start.norm("s")));
			}
			acts.add(new Act(m.position(), m.phrase(), "create-task", owner == null ? List.of() : roles(owner.norm("to")),
					null, null, extra));
		}
		for (Match m : s.takeAll(START)) {
			Map<String, Object> extra = new LinkedHashMap<>();
			extra.put("template", template(m.norm("tpl"), s));
			if (m.has("in")) {
				extra.put("start-in-days", number(m.norm("in")));
			}
			acts.add(new Act(m.position(), m.phrase(), "start-process", List.of(), null, null, extra));
		}
		for (Pattern p : REQUEST_APPROVAL) {
			for (Match m : s.takeAll(p)) {
				Map<String, Object> extra = new LinkedHashMap<>();
				Match due = s.take(APPROVAL_DUE);
				if (due != null) {
					extra.put("due-days", number(due.norm("d")));
				}
				acts.add(new Act(m.position(), m.phrase(), "request-approval",
						m.has("to") ? roles(m.norm("to")) : List.of(), null, null, extra));
			}
		}
		for (Match m : s.takeAll(TAG_IT)) {
			String tag = m.norm("tag").startsWith("q#") ? s.quoted(m.norm("tag")) : m.norm("tag");
			acts.add(new Act(m.position(), m.phrase(), "set-field", List.of(), null, null, Map.of("tag", tag)));
		}
		for (Match m : s.takeAll(WEBHOOK)) {
			acts.add(new Act(m.position(), m.phrase(), "call-webhook", List.of(), null, null, Map.of("url", m.text("url"))));
		}
		for (Match m : s.takeAll(ESCALATE)) {
			acts.add(new Act(m.position(), m.phrase(), "escalate", m.has("to") ? roles(m.norm("to")) : List.of(),
					"escalate", null, Map.of()));
		}
		for (Pattern p : SEND) {
			for (Match m : s.takeAll(p)) {
				String message = m.has("msg") ? s.quoted(m.norm("msg")) : null;
				String verb = "email".equals(m.norm("what")) ? "email" : "notify";
				acts.add(new Act(m.position(), m.phrase(), "notify", roles(m.norm("to")), verb, message, Map.of()));
			}
		}
		for (Match m : s.takeAll(NOTIFY)) {
			acts.add(new Act(m.position(), m.phrase(), "notify", roles(m.norm("to")), m.norm("verb"), null, Map.of()));
		}
		Match message = s.take(MESSAGE);
		acts.sort(java.util.Comparator.comparingInt(Act::position));
		if (message != null) {
			String text = s.quoted(message.norm("msg"));
			acts.replaceAll(a -> a.message() == null && (a.kind().equals("notify") || a.kind().equals("escalate")
					|| a.kind().equals("remind-feeding-task-owners"))
							? new Act(a.position(), a.phrase(), a.kind(), a.to(), a.verb(), text, a.extra()) : a);
		}
		return acts;
	}

	private static final Pattern ROLE_WORD = Pattern.compile("@[\\p{L}\\p{N}._-]+|[a-z]+");

	/** The roles named in a list like "its owner and the project manager". */
	static List<String> roles(String words) {
		Set<String> roles = new LinkedHashSet<>();
		java.util.regex.Matcher m = ROLE_WORD.matcher(words);
		while (m.find()) {
			String w = m.group();
			String role = switch (w) {
				case "owner", "owners" -> "owner";
				case "assignee", "assignees" -> "assignees";
				case "manager", "managers", "pm" -> "manager";
				case "sponsor", "sponsors" -> "sponsor";
				case "stakeholder", "stakeholders" -> "stakeholders";
				case "approver", "approvers" -> "approvers";
				case "member", "members", "team", "everyone" -> "members";
				default -> w.startsWith("@") ? w : null;
			};
			if (role != null) {
				roles.add(role);
			}
		}
		return List.copyOf(roles);
	}

	// ---- rules ----------------------------------------------------------------------------------

	private DraftRule rule(Found trigger, List<Qualifier> qualifiers, List<Act> acts, List<String> channels) {
		List<String> conditions = new ArrayList<>();
		List<String> phrases = new ArrayList<>();
		if (trigger.condition() != null) {
			conditions.add(trigger.condition());
		}
		for (Qualifier q : qualifiers) {
			String cel = q.cel().apply(trigger.subject());
			if (cel == null) {
				notUnderstood.add(new NotUnderstood(q.phrase(), q.position(), "\"" + q.phrase() + "\" applies to "
						+ q.needs() + ", not to a rule that fires when " + trigger.summary() + "; left out."));
			}
			else {
				conditions.add(cel);
				phrases.add(q.phrase().replaceFirst("(?i)^(?:and|but|if|that is|which is|with|while) ", ""));
			}
		}
		List<DraftAction> actions = new ArrayList<>();
		for (Act act : acts) {
			DraftAction action = action(act, trigger, channels);
			if (action != null) {
				actions.add(action);
			}
		}
		if (actions.isEmpty()) {
			return null;
		}
		String condition = conditions.isEmpty() ? null : String.join(" && ", conditions);
		return new DraftRule(name(trigger, phrases, actions), trigger.trigger(), trigger.parameters(), condition,
				List.copyOf(actions));
	}

	private static boolean hasOwner(Subject subject) {
		return subject == Subject.TASK || subject == Subject.MILESTONE;
	}

	private DraftAction action(Act act, Found trigger, List<String> channels) {
		Map<String, Object> p = new LinkedHashMap<>();
		List<String> to = new ArrayList<>();
		for (String role : act.to()) {
			if ((role.equals("owner") || role.equals("assignees")) && !hasOwner(trigger.subject())) {
				notUnderstood.add(new NotUnderstood(role, act.position(), "A rule that fires when " + trigger.summary()
						+ " has no " + role + " to address (only tasks and milestones have owners and assignees); left out."));
				continue;
			}
			to.add(role);
		}
		List<String> actionChannels = new ArrayList<>(channels);
		if ("email".equals(act.verb()) && !actionChannels.contains("email")) {
			actionChannels.add(0, "email");
		}
		String message = act.message() != null ? act.message()
				: "remind".equals(act.verb()) ? "Reminder: " + trigger.message() : trigger.message();
		switch (act.kind()) {
			case "notify" -> {
				if (to.isEmpty()) {
					return refuse(act, "names nobody to notify");
				}
				p.put("to", to);
				channels(p, actionChannels);
				p.put("message", message);
			}
			case "escalate" -> {
				List<String> others = to.stream().filter(r -> !r.equals("sponsor")).toList();
				if (!others.isEmpty()) {
					// an escalation goes to the sponsor; naming someone else is a notification
					p.put("to", others);
					channels(p, actionChannels);
					p.put("message", "Escalation: " + message);
					return new DraftAction("notify", p);
				}
				p.put("message", message);
				channels(p, actionChannels);
			}
			case "remind-feeding-task-owners" -> {
				if (trigger.subject() != Subject.MILESTONE) {
					return refuse(act, "needs a milestone, and a rule that fires when " + trigger.summary() + " has none");
				}
				channels(p, actionChannels);
				p.put("message", act.message() != null ? act.message()
						: "Your task feeds {{milestone.name}}, due on {{milestone.target}}");
			}
			case "start-process" -> {
				p.putAll(act.extra());
			}
			case "create-task" -> {
				p.put("name", act.extra().get("name"));
				p.put("duration-days", act.extra().getOrDefault("duration-days", 1));
				String owner = to.isEmpty() ? (hasOwner(trigger.subject()) ? "owner" : "manager") : to.get(0);
				p.put("owner", owner);
				if (act.extra().containsKey("start-in-days")) {
					p.put("start-in-days", act.extra().get("start-in-days"));
				}
				if (trigger.subject() == Subject.MILESTONE) {
					p.put("feeds", "milestone");
				}
			}
			case "request-approval" -> {
				p.put("title", trigger.subject() == Subject.MILESTONE ? "Approve {{milestone.name}}"
						: trigger.subject() == Subject.TASK ? "Approve {{task.name}}" : "Approval for {{project.name}}");
				p.put("approvers", to.isEmpty() ? List.of("approvers") : to);
				p.put("due-days", act.extra().getOrDefault("due-days", 5));
				if (trigger.subject() == Subject.MILESTONE) {
					p.put("about", "milestone");
				}
			}
			case "set-field" -> {
				if (trigger.subject() != Subject.MILESTONE) {
					return refuse(act, "tags only milestones, and a rule that fires when " + trigger.summary() + " has none");
				}
				p.put("field", "milestone.tags");
				p.put("value", act.extra().get("tag"));
				p.put("mode", "add");
			}
			case "call-webhook" -> p.put("url", act.extra().get("url"));
			default -> {
				return null;
			}
		}
		return new DraftAction(act.kind(), p);
	}

	private DraftAction refuse(Act act, String why) {
		notUnderstood.add(new NotUnderstood(act.phrase(), act.position(), "\"" + act.phrase() + "\" " + why + "; left out."));
		return null;
	}

	private static void channels(Map<String, Object> p, List<String> channels) {
		if (!channels.isEmpty()) {
			p.put("channels", List.copyOf(channels));
		}
	}

	// ---- names and meanings ---------------------------------------------------------------------

	private String name(Found trigger, List<String> qualifiers, List<DraftAction> actions) {
		List<String> doing = actions.stream().map(Grammar::doing).toList();
		String base = capitalise(String.join(", ", doing) + (trigger.subject() == Subject.SCHEDULE ? " " : " when ")
				+ trigger.summary() + (qualifiers.isEmpty() ? "" : ", " + String.join(", ", qualifiers)));
		if (base.length() > 100) {
			base = base.substring(0, 97) + "...";
		}
		String name = base;
		for (int i = 2; names.contains(name); i++) {
			name = base + " (" + i + ")";
		}
		names.add(name);
		return name;
	}

	@SuppressWarnings("unchecked")
	private static String doing(DraftAction action) {
		Map<String, Object> p = action.parameters();
		return switch (action.action()) {
			case "notify" -> "notify " + String.join(" and ", (List<String>) p.get("to"));
			case "escalate" -> "escalate to the sponsor";
			case "remind-feeding-task-owners" -> "remind feeding task owners";
			case "start-process" -> "start " + p.get("template");
			case "create-task" -> "create task " + p.get("name");
			case "request-approval" -> "request approval from " + String.join(" and ", (List<String>) p.get("approvers"));
			case "set-field" -> "tag " + p.get("value");
			case "call-webhook" -> "call a webhook";
			default -> action.action();
		};
	}

	private static String meaning(DraftRule rule) {
		StringBuilder meaning = new StringBuilder("Rule \"").append(rule.name()).append("\": trigger ")
			.append(rule.trigger());
		if (!rule.parameters().isEmpty()) {
			meaning.append(' ').append(rule.parameters());
		}
		if (rule.condition() != null) {
			meaning.append(", if ").append(rule.condition());
		}
		meaning.append(", then ");
		meaning.append(String.join(", ", rule.actions().stream().map(Grammar::doing).toList())).append('.');
		return meaning.toString();
	}

	private static String capitalise(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	private static String plural(int n, String unit) {
		return n + " " + unit + (n == 1 ? "" : "s");
	}

}
