package dev.milepost.interchange.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.milepost.interchange.internal.ImportRefusals.UnreadableFile;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.ganttproject.GanttProjectReader;
import net.sf.mpxj.mpp.MPPReader;
import net.sf.mpxj.mpx.MPXReader;
import net.sf.mpxj.mspdi.MSPDIReader;
import net.sf.mpxj.planner.PlannerReader;
import net.sf.mpxj.primavera.PrimaveraPMFileReader;
import net.sf.mpxj.primavera.PrimaveraXERFileReader;
import net.sf.mpxj.reader.ProjectReader;

/**
 * The import's entry: an upload's name and bytes in, the plan Milepost would make of it out, or a
 * refusal saying what is wrong with the file (415 for the wrong kind of file, 422 for one that cannot
 * be read). Nothing is stored. The format is decided from the content ({@link FileSniffer}), and the
 * file is read by that format's own MPXJ reader, never by MPXJ's universal reader (which also opens
 * ZIP archives); XML has passed the hardened parser of {@link SafeXml} whole before MPXJ reads it.
 */
final class ImportFiles {

	private ImportFiles() {
	}

	/** What a file came to; a sheet's columns and the mapping it was read through, null for plan files. */
	record Read(ImportFormat format, PlanReading.Reading reading, List<String> columns, Map<String, String> mapping) {
	}

	static Read read(String filename, byte[] bytes, LocalDate today) {
		return read(filename, bytes, today, null, null);
	}

	/**
	 * A sheet is read through {@code mapping} (field → column heading) when given, else through
	 * {@code remembered} when the file has every column it names, else by matching headings by name.
	 */
	static Read read(String filename, byte[] bytes, LocalDate today, Map<String, String> mapping,
			Map<String, String> remembered) {
		ImportFormat format = FileSniffer.formatOf(filename, bytes);
		if (format.sheet()) {
			SheetReading.Table table = SheetReading.table(format, bytes);
			Map<String, String> used = SheetReading.mapping(table,
					mapping != null && !mapping.isEmpty() ? mapping
							: remembered != null && !remembered.isEmpty()
									&& table.headings().containsAll(remembered.values()) ? remembered : null);
			return new Read(format, SheetReading.read(table, used, baseName(filename), today), table.headings(), used);
		}
		boolean xml = switch (format) {
			case MSPDI, PMXML, GAN, PLANNER -> true;
			case MPP, XER, MPX, XLSX, CSV -> false;
		};
		if (xml) {
			SafeXml.check(bytes);
		}
		ProjectFile file;
		try {
			file = reader(format).read(new ByteArrayInputStream(bytes));
		}
		catch (Exception | StackOverflowError e) {
			throw new UnreadableFile("The file could not be read as " + format.label() + ": " + problem(e));
		}
		if (file == null) {
			throw new UnreadableFile("The file could not be read as " + format.label() + ": it holds no project.");
		}
		GanLinks.Read links = format == ImportFormat.GAN ? GanLinks.read(bytes) : null;
		try {
			return new Read(format, PlanReading.read(file, baseName(filename), links, today), null, null);
		}
		catch (RuntimeException e) {
			throw new UnreadableFile("The " + format.label() + " file holds values that do not fit together: "
					+ problem(e));
		}
	}

	private static ProjectReader reader(ImportFormat format) {
		return switch (format) {
			case MSPDI -> new MSPDIReader();
			case MPP -> new MPPReader();
			case XER -> new PrimaveraXERFileReader();
			case PMXML -> new PrimaveraPMFileReader();
			case GAN -> new GanttProjectReader();
			case MPX -> new MPXReader();
			case PLANNER -> new PlannerReader();
			case XLSX, CSV -> throw new IllegalArgumentException(format + " is a sheet");
		};
	}

	/**
	 * The reader's own account of what is wrong (MPXJ names the damage it finds); a bare runtime
	 * failure inside a reader (a missing part it counted on) is told as such, not as the reader's
	 * internals.
	 */
	private static String problem(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause && (cause.getMessage() == null
				|| cause.getMessage().isBlank() || cause.getMessage().startsWith(cause.getCause().getClass().getName()))) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		boolean internal = cause instanceof NullPointerException || cause instanceof ClassCastException
				|| cause instanceof IndexOutOfBoundsException || cause instanceof ArithmeticException
				|| cause instanceof StackOverflowError || cause instanceof IllegalStateException;
		String text = internal || message == null || message.isBlank()
				? "it is damaged, cut short or lacks a part the format requires (the reader failed with "
						+ cause.getClass().getSimpleName() + ")"
				: message.strip();
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	static String baseName(String filename) {
		String name = filename == null ? "" : filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		name = dot > 0 ? name.substring(0, dot) : name;
		return name.isBlank() ? "Imported plan" : name;
	}

}
