package dev.milepost.plan.deliverable;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.ETags;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.milestone.Milestones;
import dev.milepost.plan.support.Activities;
import dev.milepost.plan.support.Participants;
import dev.milepost.plan.support.PlanEvents;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outputs of a project, their acceptors and acceptance. */
@Service
public class Deliverables {

	private final DeliverableRepository deliverables;

	private final Participants participants;

	private final Activities activities;

	private final Milestones milestones;

	private final PlanEvents events;

	private final Clock clock;

	Deliverables(DeliverableRepository deliverables, Participants participants, Activities activities,
			Milestones milestones, PlanEvents events, Clock clock) {
		this.deliverables = deliverables;
		this.participants = participants;
		this.activities = activities;
		this.milestones = milestones;
		this.events = events;
		this.clock = clock;
	}

	public record DeliverableRequest(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String description,
			@NotBlank(message = "is required: name the person who accepts this deliverable") @Size(max = 64) String acceptor,
			UUID milestone) {
	}

	public record Acceptance(Instant at, String by, String note) {
	}

	public record Rejection(Instant at, String by, String reason) {
	}

	/** A deliverable as the API shows it; {@code rejections} are the acceptor's rejections, oldest first. */
	public record DeliverableView(UUID id, String name, String description, String acceptor, UUID milestone,
			boolean accepted, Acceptance acceptance, List<Rejection> rejections) {
	}

	public record Versioned(DeliverableView deliverable, long version) {
	}

	public PageResponse<DeliverableView> list(ProjectContext context, String query, String acceptor,
			Boolean accepted, UUID milestone, Paging paging) {
		String q = query == null ? null : query.toLowerCase(Locale.ROOT);
		List<DeliverableView> all = deliverables.findByProjectId(context.projectId())
			.stream()
			.filter(d -> q == null || d.name().toLowerCase(Locale.ROOT).contains(q))
			.filter(d -> accepted == null || d.isAccepted() == accepted)
			.filter(d -> milestone == null || milestone.equals(d.milestoneId()))
			.sorted(Comparator.comparing(Deliverable::name))
			.map(this::view)
			.filter(v -> acceptor == null || acceptor.equals(v.acceptor()))
			.toList();
		return PageResponse.of(paging.slice(all), paging, all.size());
	}

	public Versioned read(ProjectContext context, UUID id) {
		Deliverable deliverable = load(context, id);
		return new Versioned(view(deliverable), deliverable.version());
	}

	public DeliverableRequest requestOf(ProjectContext context, UUID id) {
		DeliverableView view = view(load(context, id));
		return new DeliverableRequest(view.name(), view.description(), view.acceptor(), view.milestone());
	}

	@Transactional
	public Versioned create(ProjectContext context, DeliverableRequest request) {
		Deliverable deliverable = deliverables.save(Deliverable.create(context.projectId(), request.name(),
				request.description(), participants.member(context, "acceptor", request.acceptor()),
				milestone(context, request.milestone()), clock.instant()));
		DeliverableView view = view(deliverable);
		events.created(context, "deliverable", deliverable.id(), view);
		return new Versioned(view, deliverable.version());
	}

	@Transactional
	public Versioned update(ProjectContext context, UUID id, String ifMatch, DeliverableRequest request) {
		Deliverable deliverable = load(context, id);
		deliverable.expectVersion(ETags.requireCurrent(ifMatch, deliverable.version()));
		DeliverableView before = view(deliverable);
		deliverable.change(request.name(), request.description(),
				participants.member(context, "acceptor", request.acceptor()), milestone(context, request.milestone()));
		deliverable = deliverables.save(deliverable);
		DeliverableView after = view(deliverable);
		events.updated(context, "deliverable", id, before, after);
		return new Versioned(after, deliverable.version());
	}

	@Transactional
	public void delete(ProjectContext context, UUID id) {
		Deliverable deliverable = load(context, id);
		DeliverableView before = view(deliverable);
		deliverables.delete(deliverable);
		events.deleted(context, "deliverable", id, before);
	}

	/** The acceptor accepts; if this completes a milestone's criterion, the milestone is achieved too. */
	@Transactional
	public Versioned accept(ProjectContext context, UUID id, String note) {
		return accept(context, id, note, clock.instant());
	}

	/** Records an acceptance that happened at an earlier moment (imports, demo data); never in the future. */
	@Transactional
	public Versioned accept(ProjectContext context, UUID id, String note, Instant at) {
		if (at.isAfter(clock.instant())) {
			throw new RuleViolationException("acceptedAt", "An acceptance cannot be recorded in the future.");
		}
		Deliverable deliverable = load(context, id);
		DeliverableView before = view(deliverable);
		deliverable.accept(context.user().id(), note, at);
		deliverable = deliverables.save(deliverable);
		DeliverableView after = view(deliverable);
		events.changed(context, "deliverable", id, "accepted", before, after);
		if (deliverable.milestoneId() != null) {
			milestones.deliverableAccepted(context, deliverable.milestoneId(), at);
		}
		return new Versioned(after, deliverable.version());
	}

	/** The acceptor rejects with a reason; the deliverable stays open for a resubmission. */
	@Transactional
	public Versioned reject(ProjectContext context, UUID id, String reason) {
		Deliverable deliverable = load(context, id);
		DeliverableView before = view(deliverable);
		deliverable.reject(context.user().id(), reason, clock.instant());
		deliverable = deliverables.save(deliverable);
		DeliverableView after = view(deliverable);
		events.changed(context, "deliverable", id, "rejected", before, after);
		return new Versioned(after, deliverable.version());
	}

	private UUID milestone(ProjectContext context, UUID milestoneId) {
		if (milestoneId == null) {
			return null;
		}
		return activities.find(context.projectId(), milestoneId)
			.filter(ref -> ref.kind() == ActivityKind.MILESTONE)
			.map(Activities.ActivityRef::id)
			.orElseThrow(() -> new RuleViolationException("milestone",
					"No milestone " + milestoneId + " exists in project " + context.projectKey() + "."));
	}

	private Deliverable load(ProjectContext context, UUID id) {
		return deliverables.findById(id)
			.filter(deliverable -> deliverable.projectId().equals(context.projectId()))
			.orElseThrow(() -> NotFoundException.of("deliverable", id));
	}

	private DeliverableView view(Deliverable d) {
		Map<UUID, String> names = participants.usernames(java.util.stream.Stream
			.concat(java.util.stream.Stream.of(d.acceptorId(), d.acceptedBy()),
					d.rejections().stream().map(Deliverable.Rejection::rejectedBy))
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		return new DeliverableView(d.id(), d.name(), d.description(), names.get(d.acceptorId()), d.milestoneId(),
				d.isAccepted(),
				d.isAccepted() ? new Acceptance(d.acceptedAt(), names.get(d.acceptedBy()), d.acceptanceNote()) : null,
				d.rejections()
					.stream()
					.map(r -> new Rejection(r.rejectedAt(), names.get(r.rejectedBy()), r.reason()))
					.toList());
	}

}
