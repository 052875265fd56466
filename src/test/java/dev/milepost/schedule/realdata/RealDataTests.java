package dev.milepost.schedule.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Where the real project files are looked for, and what happens without them. */
class RealDataTests {

	@TempDir
	Path directory;

	@Test
	void withoutTheFolderTheRealDataTestsAreSkippedSayingWhereItWasLookedFor() {
		Path absent = directory.resolve("realdata");
		assertThatThrownBy(() -> RealData.file(absent, "xer", "plan.xer", null))
			.isExactlyInstanceOf(TestAbortedException.class)
			.hasMessageContaining(absent.toAbsolutePath().normalize().toString())
			.hasMessageContaining("../shared/realdata");
	}

	@Test
	void withoutTheFolderInCiTheyFail() {
		Path absent = directory.resolve("realdata");
		assertThatThrownBy(() -> RealData.file(absent, "xer", "plan.xer", "true"))
			.isExactlyInstanceOf(AssertionFailedError.class)
			.hasMessageContaining(absent.toAbsolutePath().normalize().toString())
			.hasMessageContaining("CI (CI=true) must run these tests");
	}

	@Test
	void aFolderWithoutTheFileIsABrokenSetupAndFailsEverywhere() throws IOException {
		Files.createDirectories(directory.resolve("xer"));
		assertThatThrownBy(() -> RealData.file(directory, "xer", "plan.xer", null))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("plan.xer is missing from the real data");
	}

	@Test
	void theFileIsReadInPlace() throws IOException {
		Path file = Files.createDirectories(directory.resolve("xer")).resolve("plan.xer");
		Files.writeString(file, "ERMHDR");
		assertThat(RealData.file(directory, "xer", "plan.xer", "true")).isEqualTo(file);
	}

	@Test
	void theRealDataTestsLookBesideTheCheckout() {
		assertThat(RealData.FOLDER).isEqualTo(Path.of("..", "shared", "realdata"));
	}

}
