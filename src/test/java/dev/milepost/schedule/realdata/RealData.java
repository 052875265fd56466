package dev.milepost.schedule.realdata;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.milepost.Prerequisite;

/**
 * Where the real project files are: {@code ../shared/realdata}, beside the checkout, where CI
 * puts them. They are third-party files under their own licences, so they are read in place and
 * never copied into the project. Where the folder is absent the tests are skipped with a message
 * saying so, except in CI ({@code CI=true}), where they fail: CI must check the real files.
 */
public final class RealData {

	static final Path FOLDER = Path.of("..", "shared", "realdata");

	private RealData() {
	}

	public static Path file(String folder, String name) {
		Prerequisite.require(Files.isDirectory(FOLDER), missing(FOLDER));
		return in(FOLDER, folder, name);
	}

	/**
	 * The file in the real-data folder {@code root}; without the folder the test is skipped, or
	 * failed when {@code ci} is {@code true}.
	 */
	static Path file(Path root, String folder, String name, String ci) {
		Prerequisite.require(Files.isDirectory(root), missing(root), ci);
		return in(root, folder, name);
	}

	private static String missing(Path root) {
		return "the real-data tests need the real project files in " + root.toAbsolutePath().normalize()
				+ " (../shared/realdata beside the checkout), which is missing.";
	}

	private static Path in(Path root, String folder, String name) {
		Path file = root.resolve(folder).resolve(name);
		if (!Files.isRegularFile(file)) {
			// the folder is there but incomplete: a broken setup, not a machine without the files
			throw new IllegalStateException(file.toAbsolutePath().normalize() + " is missing from the real data");
		}
		return file;
	}

}
