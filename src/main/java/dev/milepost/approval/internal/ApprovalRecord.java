package dev.milepost.approval.internal;

import java.util.Map;

import dev.milepost.common.EntityChanged;
import dev.milepost.plan.ProjectContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts approvals on the audit record (before and after as the API shows them) and announces them
 * to other modules, inside the transaction that made the change.
 */
@Component
class ApprovalRecord {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final ApplicationEventPublisher events;

	private final JsonMapper mapper;

	ApprovalRecord(ApplicationEventPublisher events, JsonMapper mapper) {
		this.events = events;
		this.mapper = mapper;
	}

	void changed(ProjectContext context, ApprovalView before, String action, ApprovalView after) {
		events.publishEvent(new EntityChanged(context.projectKey(), "approval", after.id().toString(), action,
				before == null ? Map.of() : mapper.convertValue(before, MAP), mapper.convertValue(after, MAP),
				context.actor()));
	}

	void publish(Object event) {
		events.publishEvent(event);
	}

}
