package dev.milepost.plan.project;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

// Its finders run in a transaction (joining the caller's) so that the aggregate's collections are
// read on the same connection as its rows, not on a second one while the first result is open.
@Transactional(readOnly = true)
public interface ProjectRepository extends ListCrudRepository<Project, UUID> {

	Optional<Project> findByProjectKey(String projectKey);

	boolean existsByProjectKey(String projectKey);

}
