package dev.milepost.plan.dependency;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface DependencyRepository extends ListCrudRepository<Dependency, UUID> {

	List<Dependency> findByProjectId(UUID projectId);

	@Query("select * from dependency where predecessor_id = :activity or successor_id = :activity")
	List<Dependency> findTouching(UUID activity);

	boolean existsByPredecessorIdAndSuccessorId(UUID predecessorId, UUID successorId);

}
