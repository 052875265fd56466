package dev.milepost.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.milepost.schedule.Reason;
import org.junit.jupiter.api.Test;

/** Many reasons of one kind are folded into one that counts them; a few are given as they are. */
class StatusFactsTests {

	@Test
	void fiftyTasksThatHaveNotStartedAreThreeReasonsAndOneThatCountsTheRest() {
		List<Reason> reasons = new ArrayList<>(IntStream.range(0, 50)
			.mapToObj(i -> new Reason("LATE_START", "'Task " + i + "' has not started.", List.of(UUID.randomUUID()),
					i == 30 ? 21 : 5))
			.toList());
		Reason shifted = new Reason("SHIFTED_DEPENDENCY", "'Build' now finishes later.", List.of(UUID.randomUUID()), 3);
		reasons.add(shifted);

		List<Reason> folded = StatusFacts.folded(reasons, "Kick-off");

		assertThat(folded).hasSize(5);
		assertThat(folded.subList(0, 3)).isEqualTo(reasons.subList(0, 3));
		Reason rest = folded.get(3);
		assertThat(rest.code()).isEqualTo("LATE_START");
		assertThat(rest.message())
			.isEqualTo("47 more tasks on the driving path have not started as planned, by up to 21 working days.");
		assertThat(rest.activities()).containsExactlyElementsOf(
				reasons.subList(3, 50).stream().flatMap(reason -> reason.activities().stream()).toList());
		assertThat(rest.days()).isEqualTo(21);
		assertThat(folded.get(4)).isEqualTo(shifted);
	}

	@Test
	void fourOfAKindAreAllGivenSinceFoldingOneWouldSaveNothing() {
		List<Reason> reasons = IntStream.range(0, 4)
			.mapToObj(i -> new Reason("LATE_TASK", "'Task " + i + "' is late.", List.of(UUID.randomUUID()), i))
			.toList();
		assertThat(StatusFacts.folded(reasons, null)).isEqualTo(reasons);
	}

	@Test
	void shiftedDependenciesBeyondThreeNameTheBaseline() {
		List<Reason> reasons = IntStream.range(0, 6)
			.mapToObj(i -> new Reason("SHIFTED_DEPENDENCY", "'Task " + i + "' moved.", List.of(UUID.randomUUID()), 2))
			.toList();
		assertThat(StatusFacts.folded(reasons, "Kick-off").get(3).message())
			.isEqualTo("3 more activities on the driving path now finish after baseline 'Kick-off', by up to 2 working days, "
					+ "and push this milestone.");
	}

}
