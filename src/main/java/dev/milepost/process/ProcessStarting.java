package dev.milepost.process;

import java.time.LocalDate;
import java.util.UUID;

import dev.milepost.plan.ProjectContext;

/**
 * Starting a process from another module (automation), under the same rules and in one
 * transaction like the API. The caller checks who may start it.
 */
public interface ProcessStarting {

	/**
	 * Starts a process.
	 *
	 * @param template a built-in template's key ({@code qa-cycle}, {@code it-operations-handover}) or
	 * the id of one of the project's templates
	 * @param start its first day (moved to the next working day)
	 * @param name its name, or null for the template's
	 * @return the new process's id; refused (404 for an unknown template, 422) like the API
	 */
	UUID start(ProjectContext context, String template, LocalDate start, String name);

}
