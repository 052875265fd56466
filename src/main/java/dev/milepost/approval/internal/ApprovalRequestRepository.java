package dev.milepost.approval.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.SubjectKind;
import org.springframework.data.repository.ListCrudRepository;

interface ApprovalRequestRepository extends ListCrudRepository<ApprovalRequest, UUID> {

	List<ApprovalRequest> findByProjectId(UUID projectId);

	List<ApprovalRequest> findByProjectIdIn(Collection<UUID> projectIds);

	List<ApprovalRequest> findBySubjectKindAndSubjectIdAndStatus(SubjectKind kind, UUID subjectId,
			ApprovalStatus status);

}
