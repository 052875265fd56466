package dev.milepost.plan.goal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.milepost.common.ETags;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.support.PlanEvents;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outcomes a project is for. */
@Service
public class Goals {

	private final GoalRepository goals;

	private final PlanEvents events;

	private final Clock clock;

	Goals(GoalRepository goals, PlanEvents events, Clock clock) {
		this.goals = goals;
		this.events = events;
		this.clock = clock;
	}

	public record GoalRequest(@NotBlank @Size(max = 500) String outcome, @Size(max = 500) String measure) {
	}

	public record GoalView(UUID id, String outcome, String measure) {
	}

	public record Versioned(GoalView goal, long version) {
	}

	public PageResponse<GoalView> list(ProjectContext context, String query, Paging paging) {
		String q = query == null ? null : query.toLowerCase(Locale.ROOT);
		List<GoalView> all = goals.findByProjectIdOrderByCreatedAt(context.projectId())
			.stream()
			.filter(goal -> q == null || goal.outcome().toLowerCase(Locale.ROOT).contains(q))
			.map(Goals::view)
			.toList();
		return PageResponse.of(paging.slice(all), paging, all.size());
	}

	public Versioned read(ProjectContext context, UUID id) {
		Goal goal = load(context, id);
		return new Versioned(view(goal), goal.version());
	}

	public GoalRequest requestOf(ProjectContext context, UUID id) {
		Goal goal = load(context, id);
		return new GoalRequest(goal.outcome(), goal.measure());
	}

	@Transactional
	public Versioned create(ProjectContext context, GoalRequest request) {
		Goal goal = goals.save(Goal.create(context.projectId(), request.outcome(), request.measure(), clock.instant()));
		events.created(context, "goal", goal.id(), view(goal));
		return new Versioned(view(goal), goal.version());
	}

	@Transactional
	public Versioned update(ProjectContext context, UUID id, String ifMatch, GoalRequest request) {
		Goal goal = load(context, id);
		goal.expectVersion(ETags.requireCurrent(ifMatch, goal.version()));
		GoalView before = view(goal);
		goal.change(request.outcome(), request.measure());
		goal = goals.save(goal);
		events.updated(context, "goal", id, before, view(goal));
		return new Versioned(view(goal), goal.version());
	}

	@Transactional
	public void delete(ProjectContext context, UUID id) {
		Goal goal = load(context, id);
		goals.delete(goal);
		events.deleted(context, "goal", id, view(goal));
	}

	private Goal load(ProjectContext context, UUID id) {
		return goals.findById(id)
			.filter(goal -> goal.projectId().equals(context.projectId()))
			.orElseThrow(() -> NotFoundException.of("goal", id));
	}

	private static GoalView view(Goal goal) {
		return new GoalView(goal.id(), goal.outcome(), goal.measure());
	}

}
