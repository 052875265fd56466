package dev.milepost.plan.task;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

// Its finders run in a transaction (joining the caller's) so that the aggregate's collections are
// read on the same connection as its rows, not on a second one while the first result is open.
@Transactional(readOnly = true)
public interface TaskRepository extends ListCrudRepository<Task, UUID> {

}
