package dev.milepost.process;

import java.util.UUID;

/** Which process templates a project can start: the built-ins by key and its own by id. */
public interface ProcessTemplateCatalog {

	/** Whether the template (a built-in's key or one of the project's template ids) exists for the project. */
	boolean exists(UUID projectId, String template);

}
