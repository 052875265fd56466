package dev.milepost.automation.runtime;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.approval.ApprovalMode;
import dev.milepost.approval.ApprovalRequests;
import dev.milepost.automation.definition.Action;
import dev.milepost.automation.definition.NotifyChannel;
import dev.milepost.automation.definition.Recipient;
import dev.milepost.automation.definition.Role;
import dev.milepost.notification.Channel;
import dev.milepost.notification.Notices;
import dev.milepost.plan.PlanBuilding;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;
import dev.milepost.process.ProcessStarting;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a run's actions in order, as the system actor, each together with its entry in the run
 * log and the effects index, in a transaction of its own or, inside the transaction that handles
 * a batch of events, behind a savepoint: an action is taken at most once per run (its log entry
 * is keyed by run and action index, and notices carry the same key), and a failed action leaves
 * nothing behind but its failure, an incident and a notice to the manager. The remaining actions
 * of the run still run: each stands on its own.
 */
@Component
class ActionRunner {

	static final String SUCCEEDED = "SUCCEEDED";

	static final String FAILED = "FAILED";

	static final String SKIPPED = "SKIPPED";

	private final Notices notices;

	private final ApprovalRequests approvals;

	private final ProcessStarting processes;

	private final PlanBuilding building;

	private final ProjectAccess access;

	private final RunLog log;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ActionRunner(Notices notices, ApprovalRequests approvals, ProcessStarting processes, PlanBuilding building,
			ProjectAccess access, RunLog log, PlatformTransactionManager transactionManager, Clock clock) {
		this.notices = notices;
		this.approvals = approvals;
		this.processes = processes;
		this.building = building;
		this.access = access;
		this.log = log;
		// inside a batch's transaction each action gets a savepoint: a failed one is rolled back alone
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
	}

	/** One run in progress: what its actions need to know. */
	record Run(UUID runId, UUID projectId, String projectKey, String blueprintName, String ruleName,
			List<Action> actions, Map<String, Object> variables, PlanFacts facts, RunCause cause, String about) {
	}

	/** What an action did (or would do): its status, in words, and what it produced. */
	record Outcome(String status, String detail, List<RunLog.Effect> effects) {

		static Outcome done(String detail, RunLog.Effect... effects) {
			return new Outcome(SUCCEEDED, detail, List.of(effects));
		}

		static Outcome skipped(String detail) {
			return new Outcome(SKIPPED, detail, List.of());
		}

		static Outcome failed(String detail) {
			return new Outcome(FAILED, detail, List.of());
		}

	}

	/** Runs every action; returns the failures' details (empty when none failed). */
	List<String> runAll(Run run) {
		return runAll(run, null);
	}

	/**
	 * Runs every action; with a batch, the notices of notify, remind and escalate actions (and
	 * their outcomes) are left to it, to be written with the rest of the batch. Returns the
	 * failures' details (empty when none failed).
	 */
	List<String> runAll(Run run, RunBatch batch) {
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < run.actions().size(); i++) {
			int index = i;
			Action action = run.actions().get(i);
			Outcome outcome;
			Telling telling;
			try {
				telling = batch == null ? null : telling(run, action);
			}
			catch (RuntimeException e) {
				telling = Telling.nothing(Outcome.failed(e.getMessage() == null ? e.toString() : e.getMessage()));
			}
			if (telling != null) {
				outcome = defer(run, index, action, telling, batch);
			}
			else try {
				outcome = transactions.execute(status -> RunCause.within(run.cause(), () -> {
					Outcome taken = take(run, index, action);
					log.action(run.runId(), index, action.name(), taken.status(), taken.detail(), taken.effects());
					return taken;
				}));
			}
			catch (RuntimeException e) {
				String detail = e.getMessage() == null ? e.toString() : e.getMessage();
				outcome = Outcome.failed(detail);
				transactions.executeWithoutResult(status -> log.action(run.runId(), index, action.name(), FAILED,
						detail, List.of()));
			}
			if (FAILED.equals(outcome.status())) {
				String message = "Action " + (index + 1) + " (" + action.name() + ") of rule '" + run.ruleName()
						+ "' in blueprint '" + run.blueprintName() + "' failed: " + outcome.detail();
				failures.add(message);
				if (batch != null) {
					batch.written(run.runId(), log);
				}
				incident(run, "ACTION_FAILED", message);
			}
		}
		return failures;
	}

	/** Writes what a batch of runs left to be written at its end. */
	void flush(RunBatch batch) {
		batch.flush(notices, log);
	}

	/** Records an incident of a run and tells the project's manager, in one transaction. */
	void incident(Run run, String kind, String message) {
		incident(run.projectId(), run.projectKey(), run.runId(), run.facts() == null ? null : run.facts().manager(),
				"Automation needs a look: " + run.ruleName(), kind, message);
	}

	/**
	 * Records an incident (of a run, or with none, of an event given up) and tells the manager
	 * named, in one transaction.
	 */
	void incident(UUID projectId, String projectKey, UUID runId, String manager, String title, String kind,
			String message) {
		transactions.executeWithoutResult(status -> {
			UUID incident = log.incident(projectId, projectKey, runId, kind, message);
			if (manager != null) {
				Map<String, Object> data = new LinkedHashMap<>();
				if (runId != null) {
					data.put("automationRunId", runId.toString());
				}
				data.put("incidentId", incident.toString());
				notices.send(new Notices.Send("automation-incident:" + incident, projectId, projectKey, null, null, title,
						message, data, List.of(manager), null, clock.instant()));
			}
		});
	}

	private Outcome take(Run run, int index, Action action) {
		Map<String, Object> vars = run.variables();
		PlanFacts facts = run.facts();
		String key = "automation:" + run.runId() + ":" + index;
		Telling telling = telling(run, action);
		if (telling != null) {
			return telling.instead() != null ? telling.instead() : tell(run, key, telling);
		}
		if (action instanceof Action.RequestApproval request) {
			return requestApproval(context(run), run, request);
		}
		if (action instanceof Action.StartProcess start) {
			LocalDate begin = facts.plusWorkingDays(facts.today(), start.startInDays());
			UUID process = processes.start(context(run), start.template(), begin,
					start.processName() == null ? null : Placeholders.render(start.processName(), vars));
			return Outcome.done("Started process " + process + " from '" + start.template() + "' on " + begin + ".",
					new RunLog.Effect("process", process.toString()));
		}
		if (action instanceof Action.CreateTask create) {
			return createTask(context(run), run, create);
		}
		if (action instanceof Action.SetField set) {
			return setField(context(run), run, set);
		}
		if (action instanceof Action.CallWebhook call) {
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("type", "automation");
			payload.put("project", run.projectKey());
			payload.put("blueprint", run.blueprintName());
			payload.put("rule", run.ruleName());
			payload.put("runId", run.runId().toString());
			payload.put("event", vars.get("event"));
			@SuppressWarnings("unchecked")
			Map<String, Object> extra = (Map<String, Object>) Placeholders.renderAll(call.payload(), vars);
			payload.putAll(extra);
			Notices.WebhookCall result = notices.call(key, call.url().toString(), payload);
			return result.ok() ? Outcome.done("Called " + call.url() + ": " + result.detail())
					: Outcome.failed("Calling " + call.url() + " failed: " + result.detail());
		}
		return Outcome.failed("The action '" + action.name() + "' is not known to this version of Milepost.");
	}

	/** The project as the system actor acts on it, for the actions that change the plan or the approvals. */
	private ProjectContext context(Run run) {
		return access.asAutomation(run.projectId(), run.blueprintName())
			.orElseThrow(() -> new IllegalStateException("The project no longer exists."));
	}

	/**
	 * Who a notify, remind or escalate action tells and what, or ({@code instead}) what became of
	 * it when it has nothing to tell.
	 */
	private record Telling(List<String> people, List<String> problems, List<NotifyChannel> channels, String text,
			Outcome instead) {

		static Telling nothing(Outcome instead) {
			return new Telling(List.of(), List.of(), null, null, instead);
		}

	}

	/** What the action tells whom; null when it is not a notify, remind or escalate action. */
	private Telling telling(Run run, Action action) {
		return telling(action, run.variables(), run.facts());
	}

	/** Who the action tells and what, from the run's variables and the plan as rules see it. */
	private static Telling telling(Action action, Map<String, Object> vars, PlanFacts facts) {
		Telling telling = null;
		if (action instanceof Action.Notify notify) {
			Recipients.Resolved people = Recipients.resolve(notify.to(), vars, facts);
			telling = new Telling(people.usernames(), people.problems(), notify.channels(),
					Placeholders.render(notify.message(), vars), null);
		}
		else if (action instanceof Action.RemindFeedingTaskOwners remind) {
			if (!(vars.get("milestone") instanceof Map<?, ?> milestone)) {
				return Telling.nothing(Outcome.skipped("This trigger has no milestone whose feeding tasks to remind of."));
			}
			List<String> people = Recipients.feedingAssignees(UUID.fromString(String.valueOf(milestone.get("id"))),
					facts, true);
			String text = remind.message() != null ? remind.message()
					: "Reminder: {{milestone.name}} is due on {{milestone.target}}, and a task of yours feeds it.";
			telling = new Telling(people, List.of(), remind.channels(), Placeholders.render(text, vars), null);
		}
		else if (action instanceof Action.Escalate escalate) {
			String to = facts.sponsor() != null && !facts.sponsor().isBlank() ? facts.sponsor() : facts.manager();
			telling = new Telling(to == null ? List.of() : List.of(to), List.of(), escalate.channels(),
					Placeholders.render(escalate.message(), vars), null);
		}
		if (telling != null && telling.people().isEmpty()) {
			return Telling.nothing(telling.problems().isEmpty()
					? Outcome.skipped("Nobody to tell: the roles named are held by no one here.")
					: Outcome.failed(String.join(" ", telling.problems())));
		}
		return telling;
	}

	/** Sends the notice now. */
	private Outcome tell(Run run, String key, Telling telling) {
		Notices.Sent sent = notices.send(notice(run, key, telling));
		Outcome told = told(telling, sent.alreadyTold());
		return new Outcome(told.status(), told.detail(),
				List.of(new RunLog.Effect("notification", sent.id().toString())));
	}

	/** Leaves the notice (or the outcome of an action with nothing to tell) to the batch. */
	private Outcome defer(Run run, int index, Action action, Telling telling, RunBatch batch) {
		if (telling.instead() != null) {
			Outcome outcome = telling.instead();
			batch.action(new RunLog.ActionRow(run.runId(), index, action.name(), outcome.status(), outcome.detail(),
					List.of()));
			return outcome;
		}
		batch.tell(notice(run, "automation:" + run.runId() + ":" + index, telling), already -> {
			Outcome told = told(telling, already);
			return new RunLog.ActionRow(run.runId(), index, action.name(), told.status(), told.detail(), List.of());
		});
		return told(telling, Set.of());
	}

	private Notices.Send notice(Run run, String key, Telling telling) {
		String[] subject = Variables.subject(run.variables());
		String text = telling.text();
		String firstLine = text.lines().findFirst().orElse(run.ruleName());
		return new Notices.Send(key, run.projectId(), run.projectKey(), subject[0], subject[1],
				firstLine.length() > 200 ? firstLine.substring(0, 199) + "…" : firstLine,
				text + "\n\n(Rule '" + run.ruleName() + "' of blueprint '" + run.blueprintName() + "'.)",
				Map.of("automationRunId", run.runId().toString(), "blueprint", run.blueprintName(), "rule",
						run.ruleName()),
				telling.people(), channels(telling.channels()), clock.instant(), run.about());
	}

	/**
	 * The outcome of telling: done, naming whom; skipped when everyone had already been told of the
	 * same thing (by the built-in notice or another rule: a person is told of an event once per
	 * channel); failed when some of the people named could not be found.
	 */
	private static Outcome told(Telling telling, Set<String> alreadyTold) {
		List<String> told = telling.people().stream().filter(person -> !alreadyTold.contains(person)).toList();
		List<String> before = telling.people().stream().filter(alreadyTold::contains).toList();
		String already = before.isEmpty() ? ""
				: String.join(", ", before)
						+ " had already been told of this by another notice about the same event: not told twice.";
		if (!telling.problems().isEmpty()) {
			return Outcome.failed(String.join(" ",
					told.isEmpty() ? "" : "Told " + String.join(", ", told) + ".", already,
					String.join(" ", telling.problems())).strip().replaceAll(" +", " "));
		}
		if (told.isEmpty() && !before.isEmpty()) {
			return Outcome.skipped("Nobody new to tell: " + already);
		}
		return Outcome.done(("Told " + String.join(", ", told) + ". " + already).strip());
	}

	private static Set<Channel> channels(List<NotifyChannel> chosen) {
		if (chosen == null || chosen.isEmpty()) {
			return null;
		}
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		for (NotifyChannel channel : chosen) {
			channels.add(switch (channel) {
				case IN_APP -> Channel.IN_APP;
				case EMAIL -> Channel.EMAIL;
				case WEBHOOK -> Channel.WEBHOOK;
			});
		}
		return channels;
	}

	private Outcome requestApproval(ProjectContext context, Run run, Action.RequestApproval request) {
		Map<String, Object> vars = run.variables();
		PlanFacts facts = run.facts();
		Set<String> people = new LinkedHashSet<>();
		Set<ProjectRole> roles = new LinkedHashSet<>();
		List<String> problems = new ArrayList<>();
		for (Recipient approver : request.approvers()) {
			if (approver instanceof Recipient.OfRole ofRole) {
				switch (ofRole.role()) {
					case MANAGER -> roles.add(ProjectRole.MANAGER);
					case APPROVERS -> roles.add(ProjectRole.APPROVER);
					case STAKEHOLDERS -> roles.add(ProjectRole.STAKEHOLDER);
					case MEMBERS -> roles.add(ProjectRole.MEMBER);
					default -> people.addAll(Recipients.ofRole(ofRole.role(), vars, facts));
				}
			}
			else {
				Recipients.Resolved found = Recipients.resolve(List.of(approver), vars, facts);
				people.addAll(found.usernames());
				problems.addAll(found.problems());
			}
		}
		if (!problems.isEmpty()) {
			return Outcome.failed(String.join(" ", problems));
		}
		if (people.isEmpty() && roles.isEmpty()) {
			return Outcome.failed("Nobody holds the approvers named, so nobody could decide the request.");
		}
		UUID milestoneId = null;
		if (request.aboutMilestone()) {
			if (!(vars.get("milestone") instanceof Map<?, ?> milestone)) {
				return Outcome.failed("'about: milestone' needs a trigger with a milestone.");
			}
			milestoneId = UUID.fromString(String.valueOf(milestone.get("id")));
		}
		LocalDate due = facts.plusWorkingDays(facts.today(), Math.max(1, request.dueDays()));
		ApprovalMode mode = switch (request.mode()) {
			case "ANY" -> ApprovalMode.ANY;
			case "SEQUENCE" -> ApprovalMode.SEQUENTIAL;
			default -> ApprovalMode.ALL;
		};
		UUID approval = approvals.open(context, new ApprovalRequests.NewRequest(
				Placeholders.render(request.title(), vars),
				"Requested by rule '" + run.ruleName() + "' of blueprint '" + run.blueprintName() + "'.", milestoneId,
				mode, due, List.copyOf(roles)), List.copyOf(people));
		return Outcome.done("Opened approval request " + approval + ", due " + due + ".",
				new RunLog.Effect("approval", approval.toString()));
	}

	private Outcome createTask(ProjectContext context, Run run, Action.CreateTask create) {
		Map<String, Object> vars = run.variables();
		PlanFacts facts = run.facts();
		Recipients.Resolved owners = Recipients.resolve(List.of(create.owner()), vars, facts);
		if (!owners.problems().isEmpty()) {
			return Outcome.failed(String.join(" ", owners.problems()));
		}
		UUID milestoneId = null;
		if (create.feedsMilestone()) {
			if (!(vars.get("milestone") instanceof Map<?, ?> milestone)) {
				return Outcome.failed("'feeds: milestone' needs a trigger with a milestone.");
			}
			milestoneId = UUID.fromString(String.valueOf(milestone.get("id")));
		}
		LocalDate start = facts.plusWorkingDays(facts.today(), create.startInDays());
		String name = Placeholders.render(create.taskName(), vars);
		UUID task = building.addTask(context, name.length() > 200 ? name.substring(0, 200) : name,
				"Created by rule '" + run.ruleName() + "' of blueprint '" + run.blueprintName() + "'.",
				Math.max(1, create.durationDays()), owners.usernames(), start);
		if (milestoneId != null) {
			building.link(context, task, milestoneId);
		}
		return Outcome.done("Created task '" + name + "' for " + String.join(", ", owners.usernames()) + " from "
				+ start + (milestoneId == null ? "." : ", feeding the milestone."),
				new RunLog.Effect("task", task.toString()));
	}

	private Outcome setField(ProjectContext context, Run run, Action.SetField set) {
		Map<String, Object> vars = run.variables();
		String value = Placeholders.render(set.value(), vars);
		if (set.field().startsWith("task.")) {
			if (!(vars.get("task") instanceof Map<?, ?> task)) {
				return Outcome.failed("'" + set.field() + "' needs a trigger with a task.");
			}
			UUID id = UUID.fromString(String.valueOf(task.get("id")));
			building.setTaskDescription(context, id, value);
			return new Outcome(SUCCEEDED, "Set the task's description.", List.of());
		}
		if (!(vars.get("milestone") instanceof Map<?, ?> milestone)) {
			return Outcome.failed("'" + set.field() + "' needs a trigger with a milestone.");
		}
		UUID id = UUID.fromString(String.valueOf(milestone.get("id")));
		if (set.field().equals("milestone.description")) {
			building.setMilestoneDescription(context, id, value);
			return new Outcome(SUCCEEDED, "Set the milestone's description.", List.of());
		}
		List<String> tags = new ArrayList<>();
		if ("add".equals(set.mode()) && milestone.get("tags") instanceof List<?> existing) {
			existing.forEach(tag -> tags.add(String.valueOf(tag)));
		}
		for (String tag : value.split(",")) {
			if (!tag.isBlank()) {
				tags.add(tag.strip());
			}
		}
		building.setMilestoneTags(context, id, tags);
		return new Outcome(SUCCEEDED, "Set the milestone's tags to " + new LinkedHashSet<>(tags) + ".", List.of());
	}

	/** Who an action would reach and what it would say, without doing it (the dry run). */
	record Planned(String action, List<String> to, String text, String problem) {
	}

	Planned plan(Action action, Map<String, Object> vars, PlanFacts facts) {
		Telling telling = telling(action, vars, facts);
		if (telling != null) {
			// the very people and text the runtime would tell, or what it would say instead
			Outcome instead = telling.instead();
			return instead == null ? new Planned(action.name(), telling.people(), telling.text(),
					telling.problems().isEmpty() ? null : String.join(" ", telling.problems()))
					: new Planned(action.name(), List.of(), null, instead.detail());
		}
		if (action instanceof Action.RequestApproval request) {
			List<String> to = new ArrayList<>();
			for (Recipient approver : request.approvers()) {
				if (approver instanceof Recipient.OfRole r && r.role() != Role.OWNER && r.role() != Role.SPONSOR
						&& r.role() != Role.ASSIGNEES) {
					to.add("role:" + r.role().yaml());
				}
				else {
					to.addAll(Recipients.resolve(List.of(approver), vars, facts).usernames());
				}
			}
			return new Planned(action.name(), to, Placeholders.render(request.title(), vars), null);
		}
		if (action instanceof Action.StartProcess start) {
			return new Planned(action.name(), List.of(),
					"Start '" + start.template() + "' on " + facts.plusWorkingDays(facts.today(), start.startInDays()),
					null);
		}
		if (action instanceof Action.CreateTask create) {
			Recipients.Resolved owners = Recipients.resolve(List.of(create.owner()), vars, facts);
			return new Planned(action.name(), owners.usernames(),
					"Create task '" + Placeholders.render(create.taskName(), vars) + "' from "
							+ facts.plusWorkingDays(facts.today(), create.startInDays()),
					owners.problems().isEmpty() ? null : String.join(" ", owners.problems()));
		}
		if (action instanceof Action.SetField set) {
			return new Planned(action.name(), List.of(),
					set.mode() + " " + set.field() + " to '" + Placeholders.render(set.value(), vars) + "'", null);
		}
		if (action instanceof Action.CallWebhook call) {
			return new Planned(action.name(), List.of(call.url().toString()), null, null);
		}
		return new Planned(action.name(), List.of(), null, "Unknown action.");
	}

}
