package dev.milepost.bench;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Scenario;

/** Turns a generated plan's arrays into engine input through the engine's public API. */
final class EngineInput {

	private static final LinkKind[] KINDS = LinkKind.values();

	private EngineInput() {
	}

	/** One builder call per activity, and the links handed over as the arrays they are. */
	static Network network(GeneratedPlan plan) {
		Network.Builder builder = Network.builder(plan.size(), plan.links());
		addActivities(builder, plan);
		return builder.links(plan.from(), plan.to(), plan.kind(), plan.lag()).build();
	}

	/** One builder call per activity and per link, as a caller holding objects would make them. */
	static Network networkLinkByLink(GeneratedPlan plan) {
		Network.Builder builder = Network.builder(plan.size(), plan.links());
		addActivities(builder, plan);
		int[] from = plan.from();
		int[] to = plan.to();
		byte[] kind = plan.kind();
		int[] lag = plan.lag();
		for (int l = 0, links = plan.links(); l < links; l++) {
			builder.link(from[l], to[l], KINDS[kind[l]], lag[l]);
		}
		return builder.build();
	}

	private static void addActivities(Network.Builder builder, GeneratedPlan plan) {
		int[] duration = plan.duration();
		boolean[] milestone = plan.milestone();
		for (int i = 0; i < plan.size(); i++) {
			if (milestone[i]) {
				builder.milestone();
			}
			else {
				builder.task(duration[i]);
			}
		}
	}

	static Scenario scenario(Network network, int[][] deadlines) {
		Scenario scenario = Scenario.of(network);
		for (int[] deadline : deadlines) {
			scenario.deadline(deadline[0], deadline[1]);
		}
		return scenario;
	}

}
