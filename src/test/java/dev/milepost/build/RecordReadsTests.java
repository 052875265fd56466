package dev.milepost.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The application reads rows into records with {@code common.Rows}, never with
 * {@code JdbcClient.query(SomeRecord.class)}, whose mapper throws (and H2 traces) an exception per
 * camel-case component per row; single values ({@code query(String.class)}) are fine.
 */
class RecordReadsTests {

	private static final Pattern CLASS_QUERY = Pattern.compile("\\.query\\(\\s*([A-Z][\\w.]*)\\.class\\s*\\)");

	private static final Set<String> SINGLE_VALUES = Set.of("String", "Long", "Integer", "Short", "Boolean", "Double",
			"BigDecimal", "UUID", "Instant", "LocalDate", "LocalDateTime", "OffsetDateTime", "Timestamp", "Object");

	@Test
	void noRecordIsReadWithTheMapperThatThrowsPerColumn() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = CLASS_QUERY.matcher(Files.readString(source));
				while (matcher.find()) {
					String type = matcher.group(1);
					if (!SINGLE_VALUES.contains(type.substring(type.lastIndexOf('.') + 1))) {
						found.add(source + ": " + matcher.group());
					}
				}
			}
		}
		assertThat(found).as("read these with .query(Rows.of(...)) instead").isEmpty();
	}

}
