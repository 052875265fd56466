package dev.milepost.plan.support;

import java.util.Map;

import dev.milepost.common.EntityChanged;
import dev.milepost.plan.ProjectContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts plan changes on the record: the before and after of an entity are its API views, so the
 * audit log reads like the API (usernames, not ids).
 */
@Component
public class PlanEvents {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final ApplicationEventPublisher events;

	private final JsonMapper mapper;

	PlanEvents(ApplicationEventPublisher events, JsonMapper mapper) {
		this.events = events;
		this.mapper = mapper;
	}

	public void created(ProjectContext context, String type, Object id, Object after) {
		changed(context, type, id, "created", null, after);
	}

	public void updated(ProjectContext context, String type, Object id, Object before, Object after) {
		changed(context, type, id, "updated", before, after);
	}

	public void deleted(ProjectContext context, String type, Object id, Object before) {
		changed(context, type, id, "deleted", before, null);
	}

	public void changed(ProjectContext context, String type, Object id, String action, Object before, Object after) {
		events.publishEvent(new EntityChanged(context.projectKey(), type, String.valueOf(id), action, toMap(before),
				toMap(after), context.actor()));
	}

	public void publish(Object event) {
		events.publishEvent(event);
	}

	private Map<String, Object> toMap(Object view) {
		return view == null ? Map.of() : mapper.convertValue(view, MAP);
	}

}
