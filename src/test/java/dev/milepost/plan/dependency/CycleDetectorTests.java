package dev.milepost.plan.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkType;
import org.junit.jupiter.api.Test;

class CycleDetectorTests {

	final UUID project = UUID.randomUUID();

	final List<Dependency> links = new ArrayList<>();

	UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID();

	void link(UUID from, UUID to) {
		links.add(Dependency.link(project, from, ActivityKind.TASK, to, ActivityKind.TASK, LinkType.FS, 0,
				Instant.EPOCH));
	}

	@Test
	void aLinkBackToTheStartOfAChainClosesACycleThroughEveryStep() {
		link(a, b);
		link(b, c);
		link(c, d);
		assertThat(CycleDetector.cycleClosedBy(links, d, a)).contains(List.of(d, a, b, c, d));
	}

	@Test
	void parallelPathsDoNotMakeACycle() {
		link(a, b);
		link(a, c);
		link(b, d);
		link(c, d);
		assertThat(CycleDetector.cycleClosedBy(links, a, d)).isEmpty();
	}

	@Test
	void theShortestCycleIsNamed() {
		link(a, b);
		link(b, c);
		link(c, d);
		link(a, d);
		assertThat(CycleDetector.cycleClosedBy(links, d, a)).contains(List.of(d, a, d));
	}

}
