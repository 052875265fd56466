package dev.milepost.approval;

/** Where an approval request stands; approved and rejected are final. */
public enum ApprovalStatus {
	PENDING, APPROVED, REJECTED
}
