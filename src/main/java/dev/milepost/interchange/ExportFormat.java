package dev.milepost.interchange;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.milepost.common.BadRequestException;

/**
 * The formats a plan is exported in, each with the name a request asks for it by, its media type
 * and how the file it makes is named.
 */
public enum ExportFormat {

	/** Microsoft Project XML (MSPDI), which Microsoft Project, ProjectLibre and GanttProject open. */
	MSPDI("mspdi", "application/xml", ".xml"),
	/** Primavera P6 XML (PMXML), for P6's import. */
	PMXML("pmxml", "application/xml", "-p6.xml"),
	/** One Excel sheet of tasks and milestones. */
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
	/** The same rows and columns as the sheet, as comma-separated text (UTF-8). */
	CSV("csv", "text/csv; charset=UTF-8", ".csv");

	private final String parameter;

	private final String mediaType;

	private final String suffix;

	ExportFormat(String parameter, String mediaType, String suffix) {
		this.parameter = parameter;
		this.mediaType = mediaType;
		this.suffix = suffix;
	}

	/** The name a request asks for the format by ({@code format=mspdi}). */
	public String parameter() {
		return parameter;
	}

	public String mediaType() {
		return mediaType;
	}

	/** The name of a project's file in this format: {@code ERP.xml}, {@code ERP-p6.xml}, {@code ERP.xlsx}… */
	public String filename(String projectKey) {
		return projectKey + suffix;
	}

	/** The names a request may ask for, as a sentence would list them. */
	public static String allowed() {
		return Arrays.stream(values()).map(ExportFormat::parameter).collect(Collectors.joining(", "));
	}

	/** The format a request names; refuses (400, naming the allowed ones) a missing or unknown name. */
	public static ExportFormat of(String parameter) {
		return Arrays.stream(values())
			.filter(format -> format.parameter.equalsIgnoreCase(parameter == null ? "" : parameter.strip()))
			.findFirst()
			.orElseThrow(() -> new BadRequestException("format",
					(parameter == null || parameter.isBlank() ? "Say which format to export"
							: "There is no export format '" + parameter + "'")
							+ ": use one of " + allowed() + "."));
	}

}
