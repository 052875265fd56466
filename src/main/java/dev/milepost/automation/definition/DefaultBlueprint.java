package dev.milepost.automation.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.milepost.common.EntityChanged;
import dev.milepost.plan.PlanQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Gives every new project the default blueprint ({@code automation/default-blueprint.yaml}) as an
 * active project blueprint, in the transaction that creates the project, and forgets a deleted
 * project's blueprints in the transaction that deletes it. The demo portfolio's projects are
 * created the same way, so they get it too.
 */
@Component
class DefaultBlueprint {

	static final String RESOURCE = "automation/default-blueprint.yaml";

	private final BlueprintService blueprints;

	private final BlueprintStore store;

	private final PlanQueries plan;

	private final boolean enabled;

	DefaultBlueprint(BlueprintService blueprints, BlueprintStore store, PlanQueries plan,
			@Value("${milepost.automation.default-blueprint:true}") boolean enabled) {
		this.blueprints = blueprints;
		this.store = store;
		this.plan = plan;
		this.enabled = enabled;
	}

	/** The default blueprint's text. */
	static String yaml() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@EventListener
	void on(EntityChanged change) {
		if (!change.entityType().equals("project")) {
			return;
		}
		if (change.action().equals("deleted")) {
			store.forgetProject(change.scope());
		}
		else if (change.action().equals("created") && enabled) {
			UUID projectId = plan.projectId(change.scope()).orElseThrow();
			blueprints.create(new Owner(projectId, change.scope(), change.actor()), yaml(), "The default blueprint",
					true);
		}
	}

}
