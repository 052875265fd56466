package dev.milepost.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentencesTests {

	@Test
	void aSentenceEndsWithOneFullStopWhateverItCameWith() {
		assertThat(Sentences.end("Build is late")).isEqualTo("Build is late.");
		assertThat(Sentences.end("Build is late.")).isEqualTo("Build is late.");
		assertThat(Sentences.end("Is it late? ")).isEqualTo("Is it late?");
	}

	@Test
	void reasonsJoinAsSentencesWithoutDoubledOrClashingPunctuation() {
		assertThat(Sentences.join(List.of("Forecast after the target.", "Only 2 working days of slack", " ")))
			.isEqualTo("Forecast after the target. Only 2 working days of slack.")
			.doesNotContain("..", ".;");
	}

	@Test
	void aTextGoingInsideASentenceLosesItsFullStopButNotAnEllipsis() {
		assertThat(Sentences.bare("The CISO approves the register (D01).")).isEqualTo("The CISO approves the register (D01)");
		assertThat(Sentences.bare("To be decided...")).isEqualTo("To be decided...");
	}

}
