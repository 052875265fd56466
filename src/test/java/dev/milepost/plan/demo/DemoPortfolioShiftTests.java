package dev.milepost.plan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.milepost.plan.project.Holiday;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo moved to the present: on Monday 7 December 2026 its anchor week (23 November) becomes
 * this week, two weeks later; the plan moves, the holidays do not.
 */
class DemoPortfolioShiftTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	final Portfolio portfolio = new DemoPortfolio(JsonMapper.builder().findAndAddModules().build(), null, null, null,
			null, null, null, null, null, null, null, null, null,
			Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC), "pw")
		.read();

	@Test
	void holidaysStayOnTheirRealDates() {
		assertThat(portfolio.workspaceCalendar().holidays()).contains(new Holiday(LocalDate.of(2026, 12, 25),
				"Christmas Day"), new Holiday(LocalDate.of(2027, 1, 1), "New Year's Day"));
		assertThat(portfolio.workspaceCalendar().holidays()).noneMatch(h -> h.date().equals(LocalDate.of(2027, 1, 8)));
		// the rollout's company shutdown is the one over Christmas while it runs, and only that
		assertThat(project("MFA").calendar().holidays()).extracting(Holiday::date)
			.containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 30),
					LocalDate.of(2026, 12, 31));
	}

	@Test
	void thePlanMovesByWholeWeeksAndWhatLandsOnAHolidayMovesToTheNextWorkingDay() {
		Portfolio.Project erp = project("ERP");
		assertThat(erp.start()).isEqualTo(LocalDate.of(2026, 6, 15));
		// planned and started on 17 August, which moved to the summer bank holiday (31 August)
		Portfolio.Task mapping = erp.tasks().stream().filter(t -> t.ref().equals("T18")).findFirst().orElseThrow();
		assertThat(mapping.plannedStart()).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(mapping.actualStart()).isEqualTo(LocalDate.of(2026, 9, 1));
		// the CISO's target moved from 11 December onto Christmas Day; the 28th is Boxing Day's substitute
		Portfolio.Milestone audit = erp.milestones().stream().filter(m -> m.ref().equals("M05")).findFirst()
			.orElseThrow();
		assertThat(audit.targetDate()).isEqualTo(LocalDate.of(2026, 12, 29));
	}

	@Test
	void everyDateOfThePlanIsAWorkingDayAndNothingHappenedAfterToday() {
		for (Portfolio.Project project : portfolio.projects()) {
			Set<LocalDate> off = new HashSet<>();
			portfolio.workspaceCalendar().holidays().forEach(h -> off.add(h.date()));
			if (project.calendar() != null) {
				project.calendar().holidays().forEach(h -> off.add(h.date()));
			}
			Set<DayOfWeek> week = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
			List<LocalDate> planned = Stream.concat(
					project.tasks().stream().flatMap(t -> Stream.of(t.plannedStart(), t.actualStart(), t.actualFinish())),
					project.milestones().stream().map(Portfolio.Milestone::targetDate))
				.filter(d -> d != null)
				.toList();
			assertThat(planned).as(project.key())
				.allSatisfy(d -> assertThat(week.contains(d.getDayOfWeek()) && !off.contains(d)).as("%s", d).isTrue());
			assertThat(project.tasks()).as(project.key())
				.allSatisfy(t -> assertThat(Stream.of(t.actualStart(), t.actualFinish()).filter(d -> d != null))
					.allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(TODAY)));
			assertThat(project.tasks()).as(project.key())
				.filteredOn(t -> t.actualStart() != null && t.actualFinish() != null)
				.allSatisfy(t -> assertThat(t.actualStart()).isBeforeOrEqualTo(t.actualFinish()));
		}
	}

	private Portfolio.Project project(String key) {
		return portfolio.projects().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
	}

}
