package dev.milepost.plan.milestone;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

public interface MilestoneRepository extends ListCrudRepository<Milestone, UUID> {

	List<Milestone> findByProjectId(UUID projectId);

}
