package dev.milepost.plan.member;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.plan.ProjectRole;
import org.springframework.data.repository.ListCrudRepository;

public interface MemberRepository extends ListCrudRepository<Member, UUID> {

	List<Member> findByProjectId(UUID projectId);

	Optional<Member> findByProjectIdAndUserId(UUID projectId, UUID userId);

	long countByProjectIdAndRole(UUID projectId, ProjectRole role);

	void deleteByProjectId(UUID projectId);

}
