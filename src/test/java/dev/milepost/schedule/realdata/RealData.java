package dev.milepost.schedule.realdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real project files are: {@code ../shared/realdata}, beside the checkout, where CI
 * puts them. They are third-party files under their own licences, so they are read in place and
 * never copied into the project. Where the folder is absent the tests are skipped, not failed.
 */
final class RealData {

	private RealData() {
	}

	static Path file(String folder, String name) {
		Path dir = Path.of("..", "shared", "realdata");
		assumeTrue(Files.isDirectory(dir), "../shared/realdata is not here; real project files are not checked");
		Path file = dir.resolve(folder).resolve(name);
		if (!Files.isRegularFile(file)) {
			// the folder is there but incomplete: a broken setup, not a machine without the files
			throw new IllegalStateException(file.toAbsolutePath().normalize() + " is missing from the real data");
		}
		return file;
	}

}
