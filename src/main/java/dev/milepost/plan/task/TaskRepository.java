package dev.milepost.plan.task;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

public interface TaskRepository extends ListCrudRepository<Task, UUID> {

	List<Task> findByProjectId(UUID projectId);

}
