package dev.milepost.automation.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.milepost.automation.definition.ActiveBlueprints;
import dev.milepost.automation.definition.ActiveRule;
import dev.milepost.automation.definition.Blueprint;
import dev.milepost.automation.definition.BlueprintParser;
import dev.milepost.automation.definition.Conditions;
import dev.milepost.automation.definition.ParsedBlueprint;
import dev.milepost.automation.definition.ProjectFacts;
import dev.milepost.automation.definition.Rule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Blueprints put in force for one test project without the storage: parsed from YAML like a saved
 * one, each a new blueprint at version 1. Other projects get what the application stores.
 */
public class TestBlueprints implements ActiveBlueprints {

	/** Part of every {@code @MilepostTest} context: other projects' rules come from the storage as ever. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		TestBlueprints testBlueprints(ObjectProvider<ActiveBlueprints> all) {
			return new TestBlueprints(all);
		}

	}

	private final ObjectProvider<ActiveBlueprints> all;

	private final Map<UUID, List<ActiveRule>> installed = new ConcurrentHashMap<>();

	private final Map<UUID, Boolean> paused = new ConcurrentHashMap<>();

	private final java.util.Set<UUID> broken = ConcurrentHashMap.newKeySet();

	private final Map<UUID, java.util.concurrent.CountDownLatch[]> held = new ConcurrentHashMap<>();

	TestBlueprints(ObjectProvider<ActiveBlueprints> all) {
		this.all = all;
	}

	/** Puts a blueprint in force in the project; returns its rules as the runtime sees them. */
	List<ActiveRule> install(UUID projectId, String yaml) {
		ParsedBlueprint parsed = BlueprintParser.parse(yaml, ProjectFacts.NONE);
		if (!parsed.valid()) {
			throw new AssertionError("invalid test blueprint: " + parsed.problems());
		}
		Blueprint blueprint = parsed.blueprint();
		UUID blueprintId = UUID.randomUUID();
		UUID versionId = UUID.randomUUID();
		List<ActiveRule> rules = new ArrayList<>();
		for (int i = 0; i < blueprint.rules().size(); i++) {
			Rule rule = blueprint.rules().get(i);
			rules.add(new ActiveRule(blueprintId, blueprint.name(), versionId, 1, i, rule,
					rule.condition() == null ? null : Conditions.compile(rule.when().name(), rule.condition()).condition()));
		}
		installed.computeIfAbsent(projectId, id -> new java.util.concurrent.CopyOnWriteArrayList<>()).addAll(rules);
		return rules;
	}

	/** Makes reading what is in force by project id fail (the runtime's handling), not by key (its capture). */
	void breakHandling(UUID projectId) {
		broken.add(projectId);
	}

	void mend(UUID projectId) {
		broken.remove(projectId);
	}

	/**
	 * The next handling of the project's events (reading what is in force by project id) counts
	 * {@code entered} down and waits for {@code release}, holding its batch.
	 */
	void hold(UUID projectId, java.util.concurrent.CountDownLatch entered, java.util.concurrent.CountDownLatch release) {
		held.put(projectId, new java.util.concurrent.CountDownLatch[] { entered, release });
	}

	void pause(UUID projectId) {
		paused.put(projectId, true);
	}

	@Override
	public List<ActiveRule> rules(UUID projectId, String trigger) {
		if (!installed.containsKey(projectId)) {
			return real().rules(projectId, trigger);
		}
		if (paused.getOrDefault(projectId, false)) {
			return List.of();
		}
		return installed.get(projectId).stream().filter(rule -> rule.rule().when().name().equals(trigger)).toList();
	}

	@Override
	public java.util.Optional<InForce> inForce(String projectKey) {
		return real().inForce(projectKey).map(stored -> installed(stored.projectId()));
	}

	@Override
	public InForce inForce(UUID projectId) {
		java.util.concurrent.CountDownLatch[] hold = held.remove(projectId);
		if (hold != null) {
			hold[0].countDown();
			try {
				hold[1].await(1, java.util.concurrent.TimeUnit.MINUTES);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (broken.contains(projectId)) {
			throw new IllegalStateException("Reading the rules of " + projectId + " fails in this test.");
		}
		return installed(projectId);
	}

	private InForce installed(UUID projectId) {
		if (!installed.containsKey(projectId)) {
			return real().inForce(projectId);
		}
		return new InForce(projectId, paused.getOrDefault(projectId, false) ? List.of() : installed.get(projectId));
	}

	private ActiveBlueprints real() {
		return all.orderedStream().filter(each -> !(each instanceof TestBlueprints)).findFirst().orElseThrow();
	}

}
