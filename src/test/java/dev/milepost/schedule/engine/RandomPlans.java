package dev.milepost.schedule.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random acyclic plans for property tests: mixed link kinds, lags and leads, shuffled numbering. */
final class RandomPlans {

	private RandomPlans() {
	}

	record Link(int from, int to, LinkKind kind, int lag) {
	}

	record Plan(int[] durations, List<Link> links) {

		Network network() {
			Network.Builder builder = Network.builder(durations.length, links.size());
			for (int duration : durations) {
				if (duration == 0) {
					builder.milestone();
				}
				else {
					builder.task(duration);
				}
			}
			links.forEach(link -> builder.link(link.from(), link.to(), link.kind(), link.lag()));
			return builder.build();
		}

	}

	static Arbitrary<Plan> plans() {
		return Arbitraries.longs().map(seed -> generate(new Random(seed), 1 + new Random(seed).nextInt(80)));
	}

	static Plan generate(Random random, int size) {
		int[] durations = new int[size];
		for (int i = 0; i < size; i++) {
			durations[i] = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(15);
		}
		// links go from lower to higher rank, so the plan is acyclic; ranks are then shuffled
		List<Integer> rank = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			rank.add(i);
		}
		Collections.shuffle(rank, random);
		List<Link> links = new ArrayList<>();
		java.util.Set<Long> pairs = new java.util.HashSet<>();
		int wanted = size * 3 / 2;
		for (int n = 0; n < wanted && size > 1; n++) {
			int a = random.nextInt(size);
			int b = random.nextInt(size);
			if (a == b) {
				continue;
			}
			int from = rank.get(Math.min(a, b));
			int to = rank.get(Math.max(a, b));
			if (!pairs.add((long) from * size + to)) {
				continue;
			}
			LinkKind kind = switch (random.nextInt(10)) {
				case 0 -> LinkKind.SS;
				case 1 -> LinkKind.FF;
				case 2 -> LinkKind.SF;
				default -> LinkKind.FS;
			};
			int lag = random.nextInt(5) == 0 ? random.nextInt(9) - 3 : 0;
			links.add(new Link(from, to, kind, lag));
		}
		return new Plan(durations, links);
	}

}
