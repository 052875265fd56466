package dev.milepost.plan.project;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

public interface ProjectRepository extends ListCrudRepository<Project, UUID> {

	Optional<Project> findByProjectKey(String projectKey);

	boolean existsByProjectKey(String projectKey);

}
