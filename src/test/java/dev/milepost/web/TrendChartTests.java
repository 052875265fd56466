package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.MilestoneStatus;
import org.junit.jupiter.api.Test;

class TrendChartTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

	@Test
	void changesOnOneDayStandAboveOneAnotherAndTheForecastHoldsUntilTheNextChange() {
		List<Forecasts.TrendPoint> trend = List.of(
				point(MONDAY, "2027-01-04", MilestoneStatus.ON_TRACK, "2026-11-30T09:00:00Z"),
				point(MONDAY, "2027-01-08", MilestoneStatus.AT_RISK, "2026-11-30T14:30:00Z"),
				point(MONDAY.plusWeeks(1), "2027-01-11", MilestoneStatus.AT_RISK, "2026-12-07T09:00:00Z"));

		TrendChart chart = TrendChart.of(trend, LocalDate.of(2027, 1, 6), MONDAY.plusWeeks(2));

		assertThat(chart.points()).hasSize(3);
		assertThat(chart.points().get(0).x()).isEqualTo(chart.points().get(1).x());
		assertThat(chart.points().get(1).y()).isLessThan(chart.points().get(0).y());
		assertThat(chart.points()).extracting(TrendChart.Point::latest).containsExactly(false, true, true);
		assertThat(chart.points().get(1).tooltip())
			.isEqualTo("On 2026-11-30 at 14:30 UTC the forecast was 2027-01-08 (at risk)");
		// steps: across at the old forecast, then up to the new one; on to today at the last
		assertThat(chart.line()).matches("M\\S+ \\S+ H\\S+ V\\S+ H\\S+ V\\S+ H\\S+");
	}

	private static Forecasts.TrendPoint point(LocalDate day, String forecast, MilestoneStatus status, String at) {
		return new Forecasts.TrendPoint(day, LocalDate.parse(forecast), status, Instant.parse(at));
	}

}
