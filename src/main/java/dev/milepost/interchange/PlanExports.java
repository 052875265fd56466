package dev.milepost.interchange;

import dev.milepost.plan.ProjectContext;

/**
 * A project's plan as it is now, with its schedule computed as of today, written as a file for
 * another tool. Access is the caller's business: resolve the project with {@code ProjectAccess}
 * first (anyone who may read the project may export it).
 */
public interface PlanExports {

	PlanExport export(ProjectContext context, ExportFormat format);

	/** A written file: its name, media type and bytes. */
	record PlanExport(String filename, String mediaType, byte[] content) {
	}

}
