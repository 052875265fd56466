package dev.milepost.interchange;

import java.io.IOException;
import java.io.OutputStream;

import dev.milepost.plan.ProjectContext;

/**
 * A project's plan as it is now, with its schedule computed as of today, written as a file for
 * another tool. Access is the caller's business: resolve the project with {@code ProjectAccess}
 * first (anyone who may read the project may export it).
 */
public interface PlanExports {

	/**
	 * Reads the plan and its schedule (in one read-only transaction) and gives the file ready to
	 * write; writing it reads nothing more, so the caller may stream it after the transaction.
	 */
	PlanExport export(ProjectContext context, ExportFormat format);

	/** A file ready to write: its name, media type, and the writing, streamed to where it goes. */
	record PlanExport(String filename, String mediaType, Content content) {
	}

	/** Writes a file's bytes; a large plan's file is never held whole in memory. */
	@FunctionalInterface
	interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

}
