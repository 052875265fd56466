package dev.milepost;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Tests that need the machine's help run where it is there, are skipped elsewhere, and fail in CI. */
class PrerequisiteTests {

	@Test
	void presentItRunsWhereverItIs() {
		assertThatCode(() -> Prerequisite.require(true, "nothing missing", null)).doesNotThrowAnyException();
		assertThatCode(() -> Prerequisite.require(true, "nothing missing", "true")).doesNotThrowAnyException();
	}

	@Test
	void missingOutsideCiTheTestIsSkippedWithTheMessage() {
		for (String ci : new String[] { null, "", "false", "0" }) {
			assertThatThrownBy(() -> Prerequisite.require(false, "the widget is not installed.", ci))
				.isExactlyInstanceOf(TestAbortedException.class)
				.hasMessageContaining("the widget is not installed.");
		}
	}

	@Test
	void missingInCiTheTestFailsSayingCiMustRunIt() {
		for (String ci : new String[] { "true", "TRUE", " true " }) {
			assertThatThrownBy(() -> Prerequisite.require(false, "the widget is not installed.", ci))
				.isExactlyInstanceOf(AssertionFailedError.class)
				.hasMessageContaining("the widget is not installed.")
				.hasMessageContaining("CI (CI=true) must run these tests");
		}
	}

}
