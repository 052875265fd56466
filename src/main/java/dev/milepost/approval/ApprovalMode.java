package dev.milepost.approval;

/** How the approvers of a request decide it. */
public enum ApprovalMode {

	/** One after the other, in the order named; every one must approve. */
	SEQUENTIAL,
	/** In parallel; every one must approve, and one rejection closes the request. */
	ALL,
	/** In parallel; one approval suffices, and the request is rejected only when every one rejects. */
	ANY

}
