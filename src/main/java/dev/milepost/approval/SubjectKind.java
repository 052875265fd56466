package dev.milepost.approval;

/** What an approval request is about. */
public enum SubjectKind {

	/** A milestone; approving it achieves the milestone when its criterion is this approval. */
	MILESTONE,
	/** A deliverable, for the record; accepting it stays its acceptor's act. */
	DELIVERABLE,
	/** A new target for a missed or at-risk milestone, put to the project's sponsor. */
	REPLAN,
	/** Just a question. */
	FREE

}
