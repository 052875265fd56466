package dev.milepost.plan.deliverable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.RuleViolationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An output of the project that a named person accepts; its acceptance can achieve a milestone. */
@Table("deliverable")
class Deliverable {

	@Id
	private final UUID id;

	private final UUID projectId;

	private String name;

	private String description;

	private UUID acceptorId;

	private UUID milestoneId;

	private Instant acceptedAt;

	private UUID acceptedBy;

	private String acceptanceNote;

	@MappedCollection(idColumn = "deliverable_id", keyColumn = "seq")
	private List<Rejection> rejections;

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	Deliverable(UUID id, UUID projectId, String name, String description, UUID acceptorId, UUID milestoneId,
			Instant acceptedAt, UUID acceptedBy, String acceptanceNote, List<Rejection> rejections, Instant createdAt,
			Long version) {
		this.id = id;
		this.projectId = projectId;
		this.name = name;
		this.description = description;
		this.acceptorId = acceptorId;
		this.milestoneId = milestoneId;
		this.acceptedAt = acceptedAt;
		this.acceptedBy = acceptedBy;
		this.acceptanceNote = acceptanceNote;
		this.rejections = rejections == null ? new ArrayList<>() : new ArrayList<>(rejections);
		this.createdAt = createdAt;
		this.version = version;
	}

	static Deliverable create(UUID projectId, String name, String description, UUID acceptorId, UUID milestoneId,
			Instant now) {
		Deliverable deliverable = new Deliverable(UUID.randomUUID(), projectId, null, null, null, null, null, null,
				null, null, now, null);
		deliverable.change(name, description, acceptorId, milestoneId);
		return deliverable;
	}

	void change(String name, String description, UUID acceptorId, UUID milestoneId) {
		if (isAccepted() && !acceptorId.equals(this.acceptorId)) {
			throw new RuleViolationException("acceptor", "This deliverable was accepted on " + acceptedAt
					+ "; who accepted it is on the record and no longer changes.");
		}
		this.name = name.strip();
		this.description = description;
		this.acceptorId = acceptorId;
		this.milestoneId = milestoneId;
	}

	/** Only the named acceptor accepts, once. */
	void accept(UUID by, String note, Instant at) {
		if (!by.equals(acceptorId)) {
			throw new ForbiddenException("Only this deliverable's acceptor may accept it.");
		}
		if (isAccepted()) {
			throw new ConflictException("This deliverable was already accepted on " + acceptedAt + ".");
		}
		this.acceptedAt = at;
		this.acceptedBy = by;
		this.acceptanceNote = note == null || note.isBlank() ? null : note.strip();
	}

	/** A rejection by the acceptor, with the reason; the deliverable stays open for a resubmission. */
	@Table("deliverable_rejection")
	record Rejection(UUID rejectedBy, Instant rejectedAt, String reason) {
	}

	/**
	 * Only the named acceptor rejects, with a reason, and only what is not accepted yet. The
	 * rejection is recorded and the deliverable stays open, to be reworked and accepted later.
	 */
	void reject(UUID by, String reason, Instant at) {
		if (!by.equals(acceptorId)) {
			throw new ForbiddenException("Only this deliverable's acceptor may reject it.");
		}
		if (isAccepted()) {
			throw new ConflictException("This deliverable was accepted on " + acceptedAt
					+ "; an acceptance is on the record and is not taken back.");
		}
		if (reason == null || reason.isBlank()) {
			throw new RuleViolationException("reason",
					"Say why the deliverable is rejected, so it can be reworked and resubmitted.");
		}
		rejections.add(new Rejection(by, at, reason.strip()));
	}

	List<Rejection> rejections() {
		return List.copyOf(rejections);
	}

	void expectVersion(long expected) {
		this.version = expected;
	}

	boolean isAccepted() {
		return acceptedAt != null;
	}

	UUID id() {
		return id;
	}

	UUID projectId() {
		return projectId;
	}

	String name() {
		return name;
	}

	String description() {
		return description;
	}

	UUID acceptorId() {
		return acceptorId;
	}

	UUID milestoneId() {
		return milestoneId;
	}

	Instant acceptedAt() {
		return acceptedAt;
	}

	UUID acceptedBy() {
		return acceptedBy;
	}

	String acceptanceNote() {
		return acceptanceNote;
	}

	Instant createdAt() {
		return createdAt;
	}

	long version() {
		return version == null ? 0 : version;
	}

}
