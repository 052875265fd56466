package dev.milepost.interchange.internal;

import java.util.List;

import dev.milepost.common.MilepostException;
import org.springframework.http.HttpStatus;

/** Why an uploaded file is not imported: each refusal says what the file is and what to send instead. */
final class ImportRefusals {

	private ImportRefusals() {
	}

	/** The file is not what its name claims, or of a kind Milepost does not import (415). */
	static final class UnsupportedFile extends MilepostException {

		UnsupportedFile(String message) {
			super(message, List.of());
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
		}

		@Override
		public String title() {
			return "Unsupported file";
		}

	}

	/** The file is of a kind Milepost imports but cannot be read: damaged, or unsafe to read (422). */
	static final class UnreadableFile extends MilepostException {

		UnreadableFile(String message) {
			super(message, List.of());
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.UNPROCESSABLE_CONTENT;
		}

		@Override
		public String title() {
			return "Unreadable file";
		}

	}

}
