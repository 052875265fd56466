package dev.milepost.plan.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The final-graph cycle check of a bulk change. */
class LinkGraphTests {

	final UUID a = UUID.randomUUID();

	final UUID b = UUID.randomUUID();

	final UUID c = UUID.randomUUID();

	final UUID d = UUID.randomUUID();

	@Test
	void aGraphWithoutACycleHasNone() {
		LinkGraph graph = new LinkGraph();
		graph.addExisting(UUID.randomUUID(), a, b);
		graph.add(b, c, 0);
		graph.add(a, c, 1);
		graph.add(c, d, 2);
		assertThat(graph.cycle()).isEmpty();
	}

	@Test
	void aCycleIsNamedFromTheLastLinkThatClosedIt() {
		LinkGraph graph = new LinkGraph();
		graph.addExisting(UUID.randomUUID(), a, b);
		graph.add(c, d, 0);
		graph.add(b, c, 3);
		graph.add(c, a, 7);
		var cycle = graph.cycle().orElseThrow();
		assertThat(cycle.tag()).isEqualTo(7);
		assertThat(cycle.activities()).containsExactly(c, a, b, c);
	}

	@Test
	void removingALinkOrAnActivityBreaksTheCycle() {
		LinkGraph graph = new LinkGraph();
		UUID stored = UUID.randomUUID();
		graph.addExisting(stored, a, b);
		graph.add(b, a, 1);
		assertThat(graph.cycle()).isPresent();
		graph.removeLink(stored);
		assertThat(graph.cycle()).isEmpty();
		assertThat(graph.links(a, b)).isFalse();

		UUID e = UUID.randomUUID();
		graph.add(c, d, 2);
		graph.add(d, e, 3);
		graph.add(e, c, 4);
		assertThat(graph.cycle()).isPresent();
		graph.removeTouching(e);
		assertThat(graph.cycle()).isEmpty();
		assertThat(graph.links(c, d)).isTrue();
	}

	@Test
	void aLongChainIsCheckedInOnePass() {
		LinkGraph graph = new LinkGraph();
		UUID[] chain = new UUID[20_000];
		for (int i = 0; i < chain.length; i++) {
			chain[i] = UUID.randomUUID();
		}
		for (int i = 1; i < chain.length; i++) {
			graph.add(chain[i - 1], chain[i], i);
		}
		assertThat(graph.cycle()).isEmpty();
		graph.add(chain[chain.length - 1], chain[0], chain.length);
		var cycle = graph.cycle().orElseThrow();
		assertThat(cycle.tag()).isEqualTo(chain.length);
		assertThat(cycle.activities()).hasSize(chain.length + 1).startsWith(chain[chain.length - 1], chain[0]);
	}

}
