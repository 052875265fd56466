package dev.milepost.plan.deliverable;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface DeliverableRepository extends ListCrudRepository<Deliverable, UUID> {

	List<Deliverable> findByProjectId(UUID projectId);

}
