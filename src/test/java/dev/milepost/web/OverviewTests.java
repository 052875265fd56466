package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.ProjectForecast;
import dev.milepost.schedule.Reason;
import org.junit.jupiter.api.Test;

/** What the overview says of a milestone. */
class OverviewTests {

	@Test
	void aLongDrivingPathIsNamedByItsFirstStepsAndTheRestCounted() {
		List<String> path = IntStream.rangeClosed(1, 40).mapToObj(i -> "Step " + i).toList();

		Overview.MilestoneRow row = Overview.MilestoneRow.of(new ProjectForecast.MilestoneForecast(UUID.randomUUID(),
				"Go-live", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1), 0, MilestoneStatus.ON_TRACK,
				List.of(new Reason("ON_TRACK", "Fine.", List.of(), 0)), path, null));

		assertThat(row.drivingPathWords()).isEqualTo("Step 1 → Step 2 → Step 3 → Step 4 → Step 5 and 35 more");
		assertThat(Overview.MilestoneRow.of(new ProjectForecast.MilestoneForecast(UUID.randomUUID(), "Kick-off", null,
				null, null, MilestoneStatus.ON_TRACK, List.of(new Reason("ON_TRACK", "Fine.", List.of(), 0)),
				List.of("Plan", "Kick-off"), null))
			.drivingPathWords()).isEqualTo("Plan → Kick-off");
	}

}
