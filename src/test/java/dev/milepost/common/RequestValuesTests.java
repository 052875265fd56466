package dev.milepost.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules every date and text a client sends is read by: {@link SupportedDates}, {@link StorableText}. */
class RequestValuesTests {

	@ParameterizedTest
	@ValueSource(strings = { "-999999999-01-01", "+999999999-12-31", "0001-01-01", "1582-10-10", "1899-12-31",
			"2200-01-01", "2026-02-30", "2026-3-1", "20260301", "", " 2026-03-01", "2026-03-01T00:00:00Z" })
	void aDateOutsideTheRangeOrNotInTheDocumentedFormIsRefused(String text) {
		assertThatThrownBy(() -> SupportedDates.parseDate(text)).isInstanceOf(UnsupportedValueException.class)
			.hasMessage("is not a date like 2026-03-02 from 1900-01-01 to 2199-12-31");
	}

	@Test
	void theRangeIsClosed() {
		assertThat(SupportedDates.parseDate("1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
		assertThat(SupportedDates.parseDate("2199-12-31")).isEqualTo(LocalDate.of(2199, 12, 31));
		assertThat(SupportedDates.parseInstant("1900-01-01T00:00:00Z")).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
		assertThat(SupportedDates.parseInstant("2199-12-31T23:59:59.999Z"))
			.isEqualTo(Instant.parse("2199-12-31T23:59:59.999Z"));
		assertThat(SupportedDates.parseInstant("2026-03-31T11:00:00+02:00"))
			.isEqualTo(Instant.parse("2026-03-31T09:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "-999999999-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "2200-01-01T00:00:00Z",
			"1900-01-01T00:30:00+01:00", "2026-03-31T09:00:00", "2026-03-31", "1774947600" })
	void aTimestampOutsideTheRangeOrWithoutItsOffsetIsRefused(String text) {
		assertThatThrownBy(() -> SupportedDates.parseInstant(text)).isInstanceOf(UnsupportedValueException.class)
			.hasMessage("is not a timestamp like 2026-03-02T09:00:00Z from 1900-01-01 to 2199-12-31");
	}

	@Test
	void textWithANulOrHalfACharacterIsRefusedSayingWhere() {
		assertThatThrownBy(() -> StorableText.check("a\u0000b")).isInstanceOf(UnsupportedValueException.class)
			.hasMessageContaining("NUL character (\\u0000) at position 2");
		assertThatThrownBy(() -> StorableText.check("a\ud800b")).hasMessageContaining("half of a character at position 2");
		assertThatThrownBy(() -> StorableText.check("\udc00")).hasMessageContaining("at position 1 (\\udc00");
		assertThatThrownBy(() -> StorableText.check("rocket \ud83d")).hasMessageContaining("at position 8");
		assertThatThrownBy(() -> StorableText.check("\ude80\ud83d")).hasMessageContaining("at position 1");
	}

	@Test
	void anyOtherTextIsKeptAsItIs() {
		for (String text : new String[] { "", "Caf\u00e9", "Launch \ud83d\ude80", "tab\tand\nnewline", "\u00ff\uffff" }) {
			assertThat(StorableText.check(text)).isSameAs(text);
		}
	}

}
