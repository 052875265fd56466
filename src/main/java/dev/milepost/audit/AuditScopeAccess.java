package dev.milepost.audit;

/**
 * Decides who may read a project's audit record. Only the plan module knows who belongs to a
 * project, and it depends on this module, so it implements this interface rather than the audit
 * module asking it. Until an implementation exists, only workspace administrators may read
 * project records.
 */
public interface AuditScopeAccess {

	/**
	 * Returns quietly if the current user may read the audit record of the project; otherwise
	 * throws {@link dev.milepost.common.NotFoundException} (the project is hidden from them) or
	 * {@link dev.milepost.common.ForbiddenException} (they see it but may not read its record).
	 */
	void requireReadable(String projectKey);

	/** The project's name, for the heading of its audit page; the key where nothing better is known. */
	default String projectName(String projectKey) {
		return projectKey;
	}

}
