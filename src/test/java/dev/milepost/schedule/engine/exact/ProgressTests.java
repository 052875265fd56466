package dev.milepost.schedule.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;

import dev.milepost.schedule.engine.LinkKind;
import org.junit.jupiter.api.Test;

/**
 * Progress on a small plan, by hand. Standard calendar (Mon–Fri 08:00–12:00, 13:00–17:00), the
 * project starts Monday 4 March 2024 08:00, the data date is Wednesday 6 March 08:00.
 * <ul>
 * <li>D (1 day) finished: Mon 4 08:00–17:00; D → A (FS).</li>
 * <li>A (4 days) started Tue 5 08:00 with 2 days left: from the data date, Wed 6 08:00 to Thu 7
 * 17:00.</li>
 * <li>B (2 days) started out of sequence, Tue 5 08:00, though A → B is FS; 1 day left.</li>
 * <li>C (1 day) not started, A → C SS: A started before the data date, so C waits for the data
 * date only: Wed 6 08:00–17:00.</li>
 * </ul>
 */
class ProgressTests {

	private static final int DAY = 480;

	private static int at(String dateTime) {
		return WorkCalendar.moment(LocalDateTime.parse(dateTime));
	}

	private static LocalDateTime shown(int moment) {
		return WorkCalendar.dateTime(moment);
	}

	private ExactNetwork network;

	private int a;

	private int b;

	private int c;

	private int d;

	private Progress progress() {
		ExactNetwork.Builder builder = ExactNetwork.builder(WorkCalendar.standard());
		a = builder.task(4 * DAY);
		b = builder.task(2 * DAY);
		c = builder.task(DAY);
		d = builder.task(DAY);
		builder.link(d, a, LinkKind.FS, 0).link(a, b, LinkKind.FS, 0).link(a, c, LinkKind.SS, 0);
		network = builder.build();
		return Progress.asOf(network, at("2024-03-06T08:00"))
			.finished(d, at("2024-03-04T08:00"), at("2024-03-04T17:00"))
			.started(a, at("2024-03-05T08:00"), 2 * DAY)
			.started(b, at("2024-03-05T08:00"), DAY);
	}

	/**
	 * Retained logic (the default): B's remaining day still waits for A, so it runs Fri 8, and the
	 * project finishes Fri 8 17:00. Back from there: B's remaining work may resume no later than
	 * Fri 8 08:00, so A must finish by Thu 7 17:00 — no float; C may finish by Fri 8 17:00, 2
	 * days after its early finish.
	 */
	@Test
	void retainedLogicKeepsStartedWorkWaitingForItsPredecessors() {
		Progress progress = progress();
		assertThat(progress.isRetainedLogic()).isTrue();
		ExactSchedule s = ExactScheduler.schedule(network, at("2024-03-04T08:00"), progress);
		assertThat(shown(s.earlyStart(b))).isEqualTo(LocalDateTime.parse("2024-03-05T08:00"));
		assertThat(shown(s.earlyFinish(b))).isEqualTo(LocalDateTime.parse("2024-03-08T17:00"));
		assertThat(shown(s.earlyFinish(a))).isEqualTo(LocalDateTime.parse("2024-03-07T17:00"));
		assertThat(shown(s.earlyStart(c))).isEqualTo(LocalDateTime.parse("2024-03-06T08:00"));
		assertThat(shown(s.finish())).isEqualTo(LocalDateTime.parse("2024-03-08T17:00"));
		assertThat(s.totalFloat(a)).isZero();
		assertThat(s.totalFloat(b)).isZero();
		assertThat(s.totalFloat(c)).isEqualTo(2 * DAY);
		// finished work keeps its dates and has no float
		assertThat(shown(s.earlyFinish(d))).isEqualTo(LocalDateTime.parse("2024-03-04T17:00"));
		assertThat(s.totalFloat(d)).isZero();
	}

	/**
	 * Progress override: B's remaining day runs from the data date, Wed 6, whatever A does; the
	 * project finishes with A, Thu 7 17:00. B no longer holds A back: A's late finish is the project
	 * finish, no float; B and C may each finish a day later than they do.
	 */
	@Test
	void progressOverrideLetsStartedWorkIgnoreItsPredecessors() {
		Progress progress = progress().progressOverride();
		ExactSchedule s = ExactScheduler.schedule(network, at("2024-03-04T08:00"), progress);
		assertThat(shown(s.earlyFinish(b))).isEqualTo(LocalDateTime.parse("2024-03-06T17:00"));
		assertThat(shown(s.finish())).isEqualTo(LocalDateTime.parse("2024-03-07T17:00"));
		assertThat(s.totalFloat(a)).isZero();
		assertThat(s.totalFloat(b)).isEqualTo(DAY);
		assertThat(s.totalFloat(c)).isEqualTo(DAY);
	}

	/**
	 * A P6 calendar of "10 hours a day" whose periods give 8 (07:00–11:00, 12:00–16:00): the 10
	 * hours are for showing days, the periods do the arithmetic. An activity started Mon 4 07:00
	 * with 13.5 hours left at the data date, Tue 5 12:00: 4 h Tuesday afternoon, 8 h Wednesday, 1.5
	 * h Thursday, so it finishes Thu 7 08:30; its successor (FS) starts then, not a whole day later.
	 */
	@Test
	void partDayRemainingWorkRunsOnTheCalendarsPeriods() {
		WorkCalendar.Builder builder = WorkCalendar.builder("10 h days").minutesPerDay(600);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.getValue() <= 5) {
				builder.week(day, LocalTime.of(7, 0), LocalTime.of(11, 0), LocalTime.of(12, 0), LocalTime.of(16, 0));
			}
		}
		WorkCalendar calendar = builder.build();
		ExactNetwork.Builder n = ExactNetwork.builder(calendar).lagCalendar(LagCalendar.PREDECESSOR);
		int started = n.task(25 * 60);
		int next = n.task(90);
		n.link(started, next, LinkKind.FS, 0);
		ExactNetwork net = n.build();
		Progress progress = Progress.asOf(net, at("2024-03-05T12:00")).started(started, at("2024-03-04T07:00"), 810);
		ExactSchedule s = ExactScheduler.schedule(net, at("2024-03-04T07:00"), progress);
		assertThat(shown(s.earlyFinish(started))).isEqualTo(LocalDateTime.parse("2024-03-07T08:30"));
		assertThat(shown(s.earlyStart(next))).isEqualTo(LocalDateTime.parse("2024-03-07T08:30"));
		assertThat(shown(s.finish())).isEqualTo(LocalDateTime.parse("2024-03-07T10:00"));
	}

	@Test
	void impossibleProgressIsRefusedAndChangesNothing() {
		Progress progress = progress();
		assertThatThrownBy(() -> progress.started(c, at("2024-03-07T08:00"), DAY))
			.hasMessageContaining("after the data date");
		assertThatThrownBy(() -> progress.finished(c, at("2024-03-05T08:00"), at("2024-03-07T17:00")))
			.hasMessageContaining("after the data date");
		assertThatThrownBy(() -> progress.started(c, at("2024-03-05T08:00"), -1))
			.hasMessageContaining("negative");
		assertThatThrownBy(() -> progress.started(99, at("2024-03-05T08:00"), 0)).hasMessageContaining("Unknown");
		// c is still not started: it waits for the data date
		ExactSchedule s = ExactScheduler.schedule(network, at("2024-03-04T08:00"), progress);
		assertThat(shown(s.earlyStart(c))).isEqualTo(LocalDateTime.parse("2024-03-06T08:00"));
		// progress on a summary, or for another network, is refused
		ExactNetwork.Builder builder = ExactNetwork.builder(WorkCalendar.standard());
		int summary = builder.summary();
		int child = builder.task(DAY);
		builder.parent(child, summary);
		ExactNetwork withSummary = builder.build();
		Progress onSummary = Progress.asOf(withSummary, at("2024-03-06T08:00"))
			.started(summary, at("2024-03-04T08:00"), DAY);
		assertThatThrownBy(() -> ExactScheduler.schedule(withSummary, at("2024-03-04T08:00"), onSummary))
			.hasMessageContaining("Summary");
		assertThatThrownBy(() -> ExactScheduler.schedule(withSummary, at("2024-03-04T08:00"), progress))
			.hasMessageContaining("activities");
	}

}
