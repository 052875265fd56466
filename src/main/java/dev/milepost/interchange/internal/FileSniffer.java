package dev.milepost.interchange.internal;

import java.nio.charset.StandardCharsets;

import dev.milepost.interchange.internal.ImportRefusals.UnsupportedFile;

/**
 * Decides what an upload is from its bytes, not from its name, and refuses (415, saying what the
 * bytes look like) a file whose content is not the kind its name claims. XML is looked at through
 * {@link SafeXml}, which refuses document type declarations before anything else reads the file.
 */
final class FileSniffer {

	private FileSniffer() {
	}

	static ImportFormat formatOf(String filename, byte[] bytes) {
		String suffix = ImportFormat.suffixOf(filename);
		if (suffix.equals("xls")) {
			throw new UnsupportedFile("Old Excel workbooks (.xls) are not imported: save the sheet as .xlsx or .csv.");
		}
		if (!ImportFormat.anyNamed(suffix)) {
			throw new UnsupportedFile("Milepost imports plan files named " + ImportFormat.suffixes() + "; '"
					+ filename + "' is none of these.");
		}
		ImportFormat found = detect(bytes, suffix);
		if (found == null || !found.named(suffix)) {
			throw new UnsupportedFile("The file is named '" + filename + "' but " + looksLike(bytes, found)
					+ "; send the plan as the tool saved it.");
		}
		return found;
	}

	private static ImportFormat detect(byte[] bytes, String suffix) {
		if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
			return ImportFormat.MPP;
		}
		if (startsWith(bytes, 'P', 'K', 3, 4)) {
			return suffix.equals("xlsx") ? ImportFormat.XLSX : null;
		}
		String head = text(bytes, 512).stripLeading();
		if (suffix.equals("csv") && bytes.length > 0 && isText(bytes) && !head.startsWith("<")) {
			return ImportFormat.CSV;
		}
		if (head.startsWith("ERMHDR")) {
			return ImportFormat.XER;
		}
		if (head.startsWith("MPX,") || head.startsWith("MPX;")) {
			return ImportFormat.MPX;
		}
		if (head.startsWith("<")) {
			SafeXml.Root root = SafeXml.root(bytes);
			return switch (root.name()) {
				case "Project" -> ImportFormat.MSPDI;
				case "APIBusinessObjects" -> ImportFormat.PMXML;
				case "project" -> root.hasAttribute("mrproject-version") ? ImportFormat.PLANNER : ImportFormat.GAN;
				default -> null;
			};
		}
		return null;
	}

	/** What the bytes look like, to follow the word but: it looks like a PDF document. */
	static String looksLike(byte[] bytes, ImportFormat found) {
		if (found != null) {
			return "its content is " + found.label();
		}
		if (startsWith(bytes, 'P', 'K', 3, 4)) {
			return "it looks like a ZIP archive (an .xlsx workbook, a .docx document or another zipped file)";
		}
		if (startsWith(bytes, '%', 'P', 'D', 'F')) {
			return "it looks like a PDF document";
		}
		if (startsWith(bytes, 0x89, 'P', 'N', 'G') || startsWith(bytes, 0xFF, 0xD8, 0xFF)
				|| startsWith(bytes, 'G', 'I', 'F', '8')) {
			return "it looks like an image";
		}
		if (bytes.length == 0) {
			return "it is empty";
		}
		String head = text(bytes, 512).stripLeading();
		if (head.startsWith("<")) {
			return "it is XML of another kind (its root element is <" + SafeXml.root(bytes).name() + ">)";
		}
		if (head.startsWith("{") || head.startsWith("[")) {
			return "it looks like JSON";
		}
		return isText(bytes) ? "it looks like plain text of no plan format" : "it looks like binary data of no plan format";
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String text(byte[] bytes, int max) {
		int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
		return new String(bytes, start, Math.max(0, Math.min(bytes.length, max) - start), StandardCharsets.UTF_8);
	}

	private static boolean isText(byte[] bytes) {
		for (int i = 0, n = Math.min(bytes.length, 512); i < n; i++) {
			int b = bytes[i] & 0xFF;
			if (b < 0x09 || (b > 0x0D && b < 0x20)) {
				return false;
			}
		}
		return true;
	}

}
