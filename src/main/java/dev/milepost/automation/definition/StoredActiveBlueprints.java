package dev.milepost.automation.definition;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** The rules in force per project. Until blueprints are stored, no project has any. */
@Component
class StoredActiveBlueprints implements ActiveBlueprints {

	@Override
	public List<ActiveRule> rules(UUID projectId, String trigger) {
		return List.of();
	}

	@Override
	public boolean projectPaused(UUID projectId) {
		return false;
	}

}
