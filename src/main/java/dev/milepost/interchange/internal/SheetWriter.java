package dev.milepost.interchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The plan as one Excel sheet: a heading row (frozen, with filters), then a row per task and
 * milestone with dates as real dates and numbers as numbers, so the sheet sorts and sums. Written
 * streaming (a window of rows in memory, the rest in a temporary file until the sheet is zipped),
 * so a plan of tens of thousands of tasks fits.
 */
final class SheetWriter {

	static final String SHEET = "Plan";

	private static final int ROWS_IN_MEMORY = 200;

	private SheetWriter() {
	}

	static void write(ExportTable table, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
		try {
			SXSSFSheet sheet = workbook.createSheet(SHEET);
			CellStyle heading = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			heading.setFont(bold);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			List<ExportColumns.Column> columns = ExportColumns.ALL;
			Row head = sheet.createRow(0);
			for (int c = 0; c < columns.size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(columns.get(c).heading());
				cell.setCellStyle(heading);
				sheet.setColumnWidth(c, width(columns.get(c).heading()));
			}
			int r = 1;
			for (ExportTable.Row row : table.rows()) {
				Row line = sheet.createRow(r++);
				for (int c = 0; c < columns.size(); c++) {
					Object value = columns.get(c).value().apply(row);
					if (value == null) {
						continue;
					}
					Cell cell = line.createCell(c);
					if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (value instanceof LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(date);
					}
					else {
						cell.setCellValue(value.toString());
					}
				}
			}
			sheet.createFreezePane(0, 1);
			sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
			workbook.write(out);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException e) {
				// the bytes are written; a temporary file that will not close changes nothing
			}
		}
	}

	/** Wide enough for the heading, and for names in the name column (in 1/256ths of a character). */
	private static int width(String heading) {
		int characters = heading.equals("Name") || heading.equals("Resources") ? 40 : Math.max(12, heading.length() + 2);
		return characters * 256;
	}

}
