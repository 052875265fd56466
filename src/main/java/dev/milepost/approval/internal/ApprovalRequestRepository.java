package dev.milepost.approval.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.SubjectKind;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

// Its finders run in a transaction (joining the caller's) so that the aggregate's collections are
// read on the same connection as its rows, not on a second one while the first result is open.
@Transactional(readOnly = true)
interface ApprovalRequestRepository extends ListCrudRepository<ApprovalRequest, UUID> {

	List<ApprovalRequest> findByProjectId(UUID projectId);

	List<ApprovalRequest> findByProjectIdIn(Collection<UUID> projectIds);

	List<ApprovalRequest> findBySubjectKindAndSubjectIdAndStatus(SubjectKind kind, UUID subjectId,
			ApprovalStatus status);

}
