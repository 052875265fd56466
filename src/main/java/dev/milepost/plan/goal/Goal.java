package dev.milepost.plan.goal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An outcome the project exists for, with how it is measured. Never scheduled. */
@Table("goal")
class Goal {

	@Id
	private final UUID id;

	private final UUID projectId;

	private String outcome;

	private String measure;

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	Goal(UUID id, UUID projectId, String outcome, String measure, Instant createdAt, Long version) {
		this.id = id;
		this.projectId = projectId;
		this.outcome = outcome;
		this.measure = measure;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Goal create(UUID projectId, String outcome, String measure, Instant now) {
		Goal goal = new Goal(UUID.randomUUID(), projectId, null, null, now, null);
		goal.change(outcome, measure);
		return goal;
	}

	void change(String outcome, String measure) {
		this.outcome = outcome.strip();
		this.measure = measure == null || measure.isBlank() ? null : measure.strip();
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

	String outcome() {
		return outcome;
	}

	String measure() {
		return measure;
	}

	Instant createdAt() {
		return createdAt;
	}

	long version() {
		return version == null ? 0 : version;
	}

}
