package dev.milepost.plan.dependency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A link from a predecessor to a successor (each a task or a milestone), with a lag or lead. */
@Table("dependency")
class Dependency {

	static final int MAX_LAG = 3650;

	@Id
	private final UUID id;

	private final UUID projectId;

	private final UUID predecessorId;

	private final ActivityKind predecessorKind;

	private final UUID successorId;

	private final ActivityKind successorKind;

	private LinkType linkType;

	private int lagDays;

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	Dependency(UUID id, UUID projectId, UUID predecessorId, ActivityKind predecessorKind, UUID successorId,
			ActivityKind successorKind, LinkType linkType, int lagDays, Instant createdAt, Long version) {
		this.id = id;
		this.projectId = projectId;
		this.predecessorId = predecessorId;
		this.predecessorKind = predecessorKind;
		this.successorId = successorId;
		this.successorKind = successorKind;
		this.linkType = linkType;
		this.lagDays = lagDays;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Dependency link(UUID projectId, UUID predecessorId, ActivityKind predecessorKind, UUID successorId,
			ActivityKind successorKind, LinkType type, int lagDays, Instant now) {
		if (predecessorId.equals(successorId)) {
			throw new RuleViolationException("successor", "An activity cannot depend on itself.");
		}
		Dependency dependency = new Dependency(UUID.randomUUID(), projectId, predecessorId, predecessorKind,
				successorId, successorKind, type, 0, now, null);
		dependency.change(type, lagDays);
		return dependency;
	}

	/**
	 * The columns of this new link's row, for storing many at once ({@link Dependencies#insertAll});
	 * the version starts at 0, as Spring Data's first save starts it.
	 */
	Map<String, Object> newRow() {
		return Map.of("id", id, "projectId", projectId, "predecessorId", predecessorId, "predecessorKind",
				predecessorKind.name(), "successorId", successorId, "successorKind", successorKind.name(), "linkType",
				linkType.name(), "lagDays", lagDays, "createdAt", Timestamp.from(createdAt));
	}

	void change(LinkType type, int lagDays) {
		if (Math.abs(lagDays) > MAX_LAG) {
			throw new RuleViolationException("lagDays", "A lag or lead is at most " + MAX_LAG + " working days.");
		}
		this.linkType = type;
		this.lagDays = lagDays;
	}

	void expectVersion(long expected) {
		this.version = expected;
	}

	UUID id() {
		return id;
	}

	UUID projectId() {
		return projectId;
	}

	UUID predecessorId() {
		return predecessorId;
	}

	UUID successorId() {
		return successorId;
	}

	LinkType linkType() {
		return linkType;
	}

	int lagDays() {
		return lagDays;
	}

	long version() {
		return version == null ? 0 : version;
	}

}
