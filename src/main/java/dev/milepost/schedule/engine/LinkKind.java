package dev.milepost.schedule.engine;

/** How a successor's dates hang on its predecessor's; the ordinal is the code used in the arrays. */
public enum LinkKind {

	/** Finish-to-start: successor start ≥ predecessor finish + lag. */
	FS,
	/** Start-to-start: successor start ≥ predecessor start + lag. */
	SS,
	/** Finish-to-finish: successor finish ≥ predecessor finish + lag. */
	FF,
	/** Start-to-finish: successor finish ≥ predecessor start + lag. */
	SF;

	static final LinkKind[] VALUES = values();

}
