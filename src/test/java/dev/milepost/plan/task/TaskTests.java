package dev.milepost.plan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.RuleViolationException;
import org.junit.jupiter.api.Test;

class TaskTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	static Task.Details details(LocalDate actualStart, LocalDate actualFinish, int percent, Estimate estimate) {
		return new Task.Details("Migrate open items", null, 10, BigDecimal.valueOf(80), Set.of(), percent, null,
				actualStart, actualFinish, estimate);
	}

	static Task task() {
		return Task.create(UUID.randomUUID(), details(null, null, 0, null), TODAY, Instant.EPOCH);
	}

	@Test
	void aTaskCannotFinishBeforeItStarts() {
		Task task = task();
		assertThatThrownBy(() -> task.change(details(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 9), 100, null),
				TODAY)).isInstanceOfSatisfying(RuleViolationException.class,
						e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("actualFinish"));
		assertThatThrownBy(() -> task.change(details(null, LocalDate.of(2026, 11, 9), 100, null), TODAY))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("cannot finish before it starts");
		assertThat(task.state()).isEqualTo(TaskState.NOT_STARTED);
	}

	@Test
	void actualDatesCannotLieInTheFuture() {
		Task task = task();
		assertThatThrownBy(() -> task.change(details(TODAY.plusDays(1), null, 10, null), TODAY))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("in the future");
	}

	@Test
	void aFinishedTaskIsDoneWhateverPercentageCameWithIt() {
		Task task = task();
		task.change(details(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 13), 80, null), TODAY);
		assertThat(task.percentComplete()).isEqualTo(100);
		assertThat(task.state()).isEqualTo(TaskState.DONE);
	}

	@Test
	void aThreePointEstimateMustBeOrdered() {
		Task task = task();
		assertThatThrownBy(() -> task.change(details(null, null, 0, new Estimate(8, 5, 12)), TODAY))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("optimistic ≤ most likely ≤ pessimistic");
		task.change(details(null, null, 0, new Estimate(5, 8, 12)), TODAY);
		assertThat(task.estimate()).isEqualTo(new Estimate(5, 8, 12));
	}

}
