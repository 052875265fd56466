package dev.milepost.plan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.identity.CurrentUsers;
import dev.milepost.identity.NewUser;
import dev.milepost.identity.Users;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectHistoryLoaded;
import dev.milepost.plan.deliverable.Deliverables;
import dev.milepost.plan.dependency.Dependencies;
import dev.milepost.plan.goal.Goals;
import dev.milepost.plan.member.Members;
import dev.milepost.plan.milestone.MilestoneRequest;
import dev.milepost.plan.milestone.Milestones;
import dev.milepost.plan.project.ProjectRequest;
import dev.milepost.plan.project.ProjectRepository;
import dev.milepost.plan.project.Projects;
import dev.milepost.plan.task.TaskRequest;
import dev.milepost.plan.task.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo portfolio through the same services the API uses, so every rule applies to it.
 * Dates in the file are planned around its anchor week; they are moved by whole weeks so that
 * the anchor becomes this week and the demo always looks current, while holidays keep their real
 * dates ({@link DemoDates}). Each project's past (acceptances, achievements) is recorded with the
 * day it happened, and {@link ProjectHistoryLoaded} lets the other modules add theirs: the
 * forecast trend since the start, the approvals still pending.
 */
@Service
public class DemoPortfolio {

	private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);

	private static final String RESOURCE = "demo/portfolio.json";

	private final JsonMapper mapper;

	private final Users users;

	private final CurrentUsers currentUsers;

	private final ProjectRepository projectRepository;

	private final Projects projects;

	private final ProjectAccess access;

	private final Members members;

	private final Goals goals;

	private final Tasks tasks;

	private final Milestones milestones;

	private final Deliverables deliverables;

	private final Dependencies dependencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String password;

	DemoPortfolio(JsonMapper mapper, Users users, CurrentUsers currentUsers, ProjectRepository projectRepository,
			Projects projects, ProjectAccess access, Members members, Goals goals, Tasks tasks, Milestones milestones,
			Deliverables deliverables, Dependencies dependencies, ApplicationEventPublisher events, Clock clock,
			@Value("${milepost.demo.password:milepost-demo}") String password) {
		this.mapper = mapper;
		this.users = users;
		this.currentUsers = currentUsers;
		this.projectRepository = projectRepository;
		this.projects = projects;
		this.access = access;
		this.members = members;
		this.goals = goals;
		this.tasks = tasks;
		this.milestones = milestones;
		this.deliverables = deliverables;
		this.dependencies = dependencies;
		this.events = events;
		this.clock = clock;
		this.password = password;
	}

	/** Loads the portfolio unless the workspace already holds projects. Returns whether it loaded. */
	@Transactional
	public boolean loadIfEmpty() {
		if (projectRepository.count() > 0) {
			return false;
		}
		loadAll();
		return true;
	}

	/** Loads every person and project of the portfolio into the workspace. */
	@Transactional
	void loadAll() {
		Portfolio portfolio = read();
		for (Portfolio.Person person : portfolio.people()) {
			if (users.findByUsername(person.username()).isEmpty()) {
				users.create(new NewUser(person.username(), person.displayName(), person.email(), password, false),
						CurrentUsers.SYSTEM);
			}
		}
		projects.loadWorkspaceCalendar(portfolio.workspaceCalendar());
		for (Portfolio.Project project : portfolio.projects()) {
			load(project);
		}
		log.info("Loaded the demo portfolio: {} projects, {} people (password '{}')", portfolio.projects().size(),
				portfolio.people().size(), password);
	}

	Portfolio read() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			JsonNode tree = mapper.readTree(in);
			LocalDate anchor = LocalDate.parse(tree.get("anchor").asString());
			LocalDate today = LocalDate.now(clock);
			LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			long weeks = ChronoUnit.WEEKS.between(anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
					thisMonday);
			DemoDates.shift(tree, weeks, today);
			return mapper.treeToValue(tree, Portfolio.class);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read " + RESOURCE, e);
		}
	}

	private void load(Portfolio.Project data) {
		currentUsers.runAs(data.manager(), () -> projects.create(new ProjectRequest(data.key(), data.name(),
				data.description(), data.sponsor(), data.manager(), data.start(), data.targetFinish(), data.status(),
				data.calendar(), null)));
		Map<String, UUID> refs = new HashMap<>();
		currentUsers.runAs(data.manager(), () -> {
			ProjectContext context = access.manage(data.key());
			for (Portfolio.Member member : data.members()) {
				boolean enrolled = members.list(context, null, null, dev.milepost.common.Paging.of(0, 500))
					.items()
					.stream()
					.anyMatch(m -> m.username().equals(member.username()));
				if (!enrolled) {
					members.add(context, new Members.MemberRequest(member.username(), member.role()));
				}
			}
			for (Portfolio.Goal goal : data.goals()) {
				goals.create(context, new Goals.GoalRequest(goal.outcome(), goal.measure()));
			}
			for (Portfolio.Task task : data.tasks()) {
				refs.put(task.ref(), tasks.create(context, new TaskRequest(task.name(), task.description(),
						task.durationDays(), task.effortHours(), task.assignees(), task.percentComplete(),
						task.plannedStart(), task.actualStart(), task.actualFinish(), task.estimate())).task().id());
			}
			for (Portfolio.Milestone milestone : data.milestones()) {
				refs.put(milestone.ref(), milestones.create(context, new MilestoneRequest(milestone.name(),
						milestone.description(), milestone.targetDate(), milestone.owner(), milestone.criterion(),
						milestone.tags(), null, null, null)).milestone().id());
			}
			for (Portfolio.Deliverable deliverable : data.deliverables()) {
				refs.put(deliverable.ref(), deliverables.create(context, new Deliverables.DeliverableRequest(
						deliverable.name(), deliverable.description(), deliverable.acceptor(),
						deliverable.milestone() == null ? null : refs.get(deliverable.milestone()))).deliverable().id());
			}
			for (Portfolio.Dependency dependency : data.dependencies()) {
				dependencies.create(context, new Dependencies.DependencyRequest(refs.get(dependency.from()),
						refs.get(dependency.to()), dependency.type(),
						dependency.lagDays() == null ? 0 : dependency.lagDays()));
			}
			return null;
		});
		recordHistory(data, refs);
		events.publishEvent(new ProjectHistoryLoaded(data.key(), data.milestones()
			.stream()
			.filter(m -> m.approvalAsked() != null)
			.map(m -> new ProjectHistoryLoaded.PendingApproval(refs.get(m.ref()), m.approvalAsked().by(),
					m.approvalAsked().due()))
			.toList()));
	}

	/** Acceptances and achievements, in the order they happened, each by the person who gave it. */
	private void recordHistory(Portfolio.Project data, Map<String, UUID> refs) {
		record Event(LocalDate on, Runnable action) {
		}
		List<Event> history = new ArrayList<>();
		for (Portfolio.Deliverable deliverable : data.deliverables()) {
			if (deliverable.accepted() != null) {
				history.add(new Event(deliverable.accepted().on(),
						() -> currentUsers.runAs(deliverable.accepted().by(),
								() -> deliverables.accept(access.read(data.key()), refs.get(deliverable.ref()), null,
										moment(deliverable.accepted().on())))));
			}
		}
		for (Portfolio.Milestone milestone : data.milestones()) {
			if (milestone.achieved() != null) {
				history.add(new Event(milestone.achieved().on(), () -> currentUsers.runAs(milestone.achieved().by(),
						() -> {
							ProjectContext context = access.read(data.key());
							UUID id = refs.get(milestone.ref());
							// a milestone achieved by its deliverables' acceptance is already on the record
							if (!milestones.read(context, id).milestone().achieved()) {
								milestones.achieve(context, id, milestone.achieved().evidence(), false,
										moment(milestone.achieved().on()));
							}
							return null;
						})));
			}
		}
		// acceptances before achievements on the same day: acceptance is what achieves
		history.sort(Comparator.comparing(Event::on));
		history.forEach(event -> event.action().run());
	}

	private Instant moment(LocalDate day) {
		Instant at = day.atTime(LocalTime.of(16, 0)).toInstant(ZoneOffset.UTC);
		Instant now = clock.instant();
		return at.isAfter(now) ? now : at;
	}

}
