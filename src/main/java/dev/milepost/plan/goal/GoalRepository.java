package dev.milepost.plan.goal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface GoalRepository extends ListCrudRepository<Goal, UUID> {

	List<Goal> findByProjectIdOrderByCreatedAt(UUID projectId);

}
