package dev.milepost.interchange.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The sheet's rows and columns as CSV (RFC 4180, UTF-8, dates as {@code 2026-03-02}). Text that a
 * spreadsheet would take for a formula (starting with {@code = + - @}, a tab or a return) gets a
 * leading apostrophe, so opening the file runs nothing; numbers and dates are written as they are.
 */
final class CsvWriter {

	private CsvWriter() {
	}

	static void write(ExportTable table, OutputStream out) throws IOException {
		Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader(ExportColumns.headings().toArray(String[]::new))
			.get();
		// flushed, not closed: the stream is the response's, and closing it is the container's business
		CSVPrinter printer = new CSVPrinter(text, format);
		for (ExportTable.Row row : table.rows()) {
			List<Object> values = new ArrayList<>(ExportColumns.ALL.size());
			for (ExportColumns.Column column : ExportColumns.ALL) {
				Object value = column.value().apply(row);
				values.add(value instanceof String s ? defused(s) : value);
			}
			printer.printRecord(values);
		}
		printer.flush();
	}

	static String defused(String text) {
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

}
