package dev.milepost.approval;

/** What an approver decides. */
public enum Decision {
	APPROVE, REJECT
}
