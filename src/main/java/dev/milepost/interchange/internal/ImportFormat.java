package dev.milepost.interchange.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plan files Milepost imports, with the names they go by and the file suffixes they come with. */
enum ImportFormat {

	MSPDI("Microsoft Project XML (MSPDI)", "xml"),
	MPP("Microsoft Project (.mpp)", "mpp"),
	XER("Primavera P6 XER", "xer"),
	PMXML("Primavera P6 XML (PMXML)", "xml"),
	GAN("GanttProject (.gan)", "gan", "xml"),
	MPX("MPX", "mpx"),
	PLANNER("GNOME Planner", "planner", "mrproject", "xml"),
	XLSX("an Excel workbook (.xlsx)", "xlsx"),
	CSV("CSV", "csv");

	private final String label;

	private final String[] suffixes;

	ImportFormat(String label, String... suffixes) {
		this.label = label;
		this.suffixes = suffixes;
	}

	/** A sheet of rows, read through a column mapping, not a plan file MPXJ reads. */
	boolean sheet() {
		return this == XLSX || this == CSV;
	}

	String label() {
		return label;
	}

	boolean named(String suffix) {
		return Arrays.asList(suffixes).contains(suffix);
	}

	static boolean anyNamed(String suffix) {
		return Arrays.stream(values()).anyMatch(format -> format.named(suffix));
	}

	/** The suffixes, as a sentence lists them: .xml, .mpp, .xer and so on. */
	static String suffixes() {
		return Arrays.stream(values())
			.flatMap(format -> Arrays.stream(format.suffixes))
			.distinct()
			.map(suffix -> "." + suffix)
			.collect(Collectors.joining(", "));
	}

	static String suffixOf(String filename) {
		int dot = filename == null ? -1 : filename.lastIndexOf('.');
		return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

}
