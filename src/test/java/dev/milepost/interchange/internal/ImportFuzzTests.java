package dev.milepost.interchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.milepost.SmallStack;
import dev.milepost.common.MilepostException;
import dev.milepost.schedule.realdata.RealData;
import org.junit.jupiter.api.Test;

/**
 * Fuzz test of the import's entry (reading a file into a plan, its preview counts and the schedule
 * check): whatever the bytes, a plan or a refusal (415 or 422) comes out, never another exception or
 * a stack overflow (inputs run on a small stack, {@link SmallStack}). The first byte picks the name
 * the file claims (.xml, .mpp, .xer, .gan, .mpx, .planner, .xlsx, .csv), the rest is the file.
 *
 * <p>
 * Without {@code JAZZER_FUZZ=1} Jazzer replays the saved inputs
 * ({@code src/test/resources/dev/milepost/interchange/internal/ImportFuzzTestsInputs/readAnyFile/}:
 * small hand-made MSPDI and GanttProject files). The real files of ../shared/realdata cannot be
 * copied in (third-party licences), so {@link #theRealFilesPassTheFuzzTarget} runs the same target
 * over each of them, whole and cut short; to fuzz from them, copy them into a corpus folder outside
 * the project with the suffix byte in front (docs/import-export.md, "Fuzzing the import").
 */
class ImportFuzzTests {

	static final List<String> NAMES = List.of("plan.xml", "plan.mpp", "plan.xer", "plan.gan", "plan.mpx",
			"plan.planner", "plan.xlsx", "plan.csv");

	static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

	@FuzzTest(maxDuration = "2m")
	void readAnyFile(byte[] input) {
		if (input.length == 0) {
			return;
		}
		String name = NAMES.get((input[0] & 0xff) % NAMES.size());
		target(name, Arrays.copyOfRange(input, 1, input.length));
	}

	static void target(String name, byte[] bytes) {
		SmallStack.run(() -> {
			try {
				ImportFiles.Read read = ImportFiles.read(name, bytes, TODAY);
				assertThat(read.reading().plan().items()).doesNotContainNull();
				assertThat(read.reading().created().tasks() + read.reading().created().milestones())
					.isEqualTo(read.reading().plan().items().size());
				assertThat(ScheduleCheck.of(read.reading().plan(), "fuzz")).isNotNull();
			}
			catch (MilepostException refused) {
				assertThat(refused.status().value()).isIn(415, 422);
				assertThat(refused.getMessage()).isNotBlank();
			}
			return null;
		});
	}

	@Test
	void theRealFilesPassTheFuzzTarget() throws IOException {
		for (String[] file : new String[][] { { "mspdi", "mpxj_legacy_sample.xml" },
				{ "mspdi", "mpxj_mspdirelations.xml" }, { "mspdi", "projectlibre_NewProduct.xml" },
				{ "mpp", "projectlibre_NewProduct.mpp" }, { "xer", "Constology_XERNative_sample_TAKT.xer" },
				{ "gan", "ganttproject_HouseBuildingSample.gan" }, { "gan", "blyoa_task-with-dependencies.gan" } }) {
			byte[] bytes = Files.readAllBytes(RealData.file(file[0], file[1]));
			target(file[1], bytes);
			for (int cut : new int[] { 1, 7, bytes.length / 2, bytes.length - 1 }) {
				target(file[1], Arrays.copyOf(bytes, cut));
			}
		}
	}

}
