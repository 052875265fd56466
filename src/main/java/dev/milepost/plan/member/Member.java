package dev.milepost.plan.member;

import java.util.UUID;

import dev.milepost.plan.ProjectRole;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person's membership of a project, with their role there. */
@Table("project_member")
public class Member {

	@Id
	private final UUID id;

	private final UUID projectId;

	private final UUID userId;

	private ProjectRole role;

	@Version
	private Long version;

	@PersistenceCreator
	Member(UUID id, UUID projectId, UUID userId, ProjectRole role, Long version) {
		this.id = id;
		this.projectId = projectId;
		this.userId = userId;
		this.role = role;
		this.version = version;
	}

	public static Member of(UUID projectId, UUID userId, ProjectRole role) {
		return new Member(UUID.randomUUID(), projectId, userId, role, null);
	}

	void changeRole(ProjectRole role) {
		this.role = role;
	}

	void expectVersion(long expected) {
		this.version = expected;
	}

	public UUID id() {
		return id;
	}

	public UUID projectId() {
		return projectId;
	}

	public UUID userId() {
		return userId;
	}

	public ProjectRole role() {
		return role;
	}

	public long version() {
		return version == null ? 0 : version;
	}

}
