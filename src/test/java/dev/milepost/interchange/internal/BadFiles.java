package dev.milepost.interchange.internal;

import java.nio.charset.StandardCharsets;

/** Hostile XML for the import's tests. */
public final class BadFiles {

	private BadFiles() {
	}

	/** Entities that expand a few bytes into many ("billion laughs"). */
	public static final byte[] BILLION_LAUGHS = ImportFilesTests.BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8);

	/** An external entity that would read a file of the server. */
	public static final byte[] EXTERNAL_ENTITY = ImportFilesTests.EXTERNAL_ENTITY.getBytes(StandardCharsets.UTF_8);

}
