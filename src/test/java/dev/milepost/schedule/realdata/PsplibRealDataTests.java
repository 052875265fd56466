package dev.milepost.schedule.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PSPLIB instances (Kolisch &amp; Sprecher; via ptal/kobe-scheduling): with resources ignored, the
 * critical-path length is the MPM-Time each file states. The resource-constrained optimum
 * (43 for j301_1) is a different number and not the engine's business.
 */
class PsplibRealDataTests {

	@ParameterizedTest(name = "{0}: MPM-Time {3}")
	@CsvSource({ "j301_1.sm, 32, 48, 38", "j3010_1.sm, 32, 48, 41", "j601_1.sm, 62, 93, 77" })
	void psplibCriticalPathLengthEqualsMpmTime(String name, int jobs, int arcs, int mpmTime) throws IOException {
		RealPlan plan = PsplibReader.read(RealData.file("psplib", name));
		assertThat(plan.activities()).hasSize(jobs);
		assertThat(plan.links()).hasSize(arcs);
		assertThat(plan.reportedFinish()).isEqualTo(mpmTime);

		assertThat(ScheduledPlan.of(plan).finish()).isEqualTo(mpmTime);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "j301_1.sm", "j3010_1.sm", "j601_1.sm" })
	void psplibCriticalPathRunsFromTheSourceToTheSink(String name) throws IOException {
		RealPlan plan = PsplibReader.read(RealData.file("psplib", name));
		ScheduledPlan scheduled = ScheduledPlan.of(plan);
		String source = plan.activities().get(0).id();
		String sink = plan.activities().get(plan.activities().size() - 1).id();

		List<String> path = scheduled.drivingPath(sink);

		assertThat(path).first().isEqualTo(source);
		assertThat(path).allSatisfy(job -> assertThat(scheduled.totalFloat(job)).as("float of job %s", job).isZero());
		assertThat(path.stream().mapToInt(job -> plan.activity(job).days()).sum()).isEqualTo(plan.reportedFinish());
		// and no zero-float job hangs off that chain: each is driven from the source along zero
		// float, and drives a zero-float successor without a gap, or is the sink
		for (String job : scheduled.zeroFloatActivities()) {
			assertThat(scheduled.drivingPath(job)).as("driving path of job %s", job)
				.startsWith(source)
				.allSatisfy(step -> assertThat(scheduled.totalFloat(step)).isZero());
			assertThat(job.equals(sink) || drivesAZeroFloatJob(plan, scheduled, job))
				.as("job %s drives a zero-float job", job)
				.isTrue();
		}
	}

	private static boolean drivesAZeroFloatJob(RealPlan plan, ScheduledPlan scheduled, String job) {
		return plan.links()
			.stream()
			.filter(link -> link.predecessor().equals(job))
			.map(RealPlan.Link::successor)
			.anyMatch(next -> scheduled.totalFloat(next) == 0
					&& scheduled.earlyStart(next) == scheduled.earlyFinish(job));
	}

}
