package dev.milepost.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuditCanonicalJsonTests {

	enum Status {
		OPEN
	}

	record ProjectId(UUID value) {
	}

	@Test
	void keysAreSortedAtEveryLevelWhateverOrderTheMapKeeps() {
		Map<String, Object> one = new LinkedHashMap<>();
		one.put("b", 1);
		one.put("a", Map.of("z", true, "y", false));
		Map<String, Object> other = new HashMap<>();
		other.put("a", new TreeMap<>(Map.of("y", false, "z", true)));
		other.put("b", 1L);
		assertThat(CanonicalJson.write(one)).isEqualTo(CanonicalJson.write(other))
			.isEqualTo("{\"a\":{\"y\":false,\"z\":true},\"b\":1}");
	}

	@Test
	void datesIdsEnumsAndRecordsAreWrittenAsPlainJson() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("due", LocalDate.of(2030, 1, 31));
		fields.put("at", Instant.parse("2030-01-31T08:00:00Z"));
		fields.put("id", UUID.fromString("00000000-0000-0000-0000-00000000000a"));
		fields.put("status", Status.OPEN);
		fields.put("project", new ProjectId(UUID.fromString("00000000-0000-0000-0000-00000000000b")));
		fields.put("nothing", null);
		fields.put("tags", Arrays.asList("x", null, 2.5));
		assertThat(CanonicalJson.write(fields)).isEqualTo("{\"at\":\"2030-01-31T08:00:00Z\",\"due\":\"2030-01-31\","
				+ "\"id\":\"00000000-0000-0000-0000-00000000000a\",\"nothing\":null,"
				+ "\"project\":{\"value\":\"00000000-0000-0000-0000-00000000000b\"},\"status\":\"OPEN\","
				+ "\"tags\":[\"x\",null,2.5]}");
	}

	@Test
	void equalNumbersAreWrittenAlike() {
		assertThat(CanonicalJson.write(List.of(1, 1L, 1.0, new BigDecimal("1.00"), 2.50f, new BigDecimal("1E+3"))))
			.isEqualTo("[1,1,1,1,2.5,1000]");
		assertThat(CanonicalJson.write(Double.NaN)).isEqualTo("\"NaN\"");
	}

	@Test
	void stringsAreEscapedSoTheTextStaysValidJson() {
		String nasty = "quote\" backslash\\ newline\n tab\t bell\u0007 emoji\uD83D\uDE00 lone\uD800";
		String written = CanonicalJson.write(Map.of("s", nasty));
		assertThat(written).isEqualTo("{\"s\":\"quote\\\" backslash\\\\ newline\\n tab\\t bell\\u0007 emoji\uD83D\uDE00"
				+ " lone\\ud800\"}");
		assertThat(JsonMapper.builder().build().readTree(written).get("s").asString()).isEqualTo(nasty);
	}

	@Test
	void readingTheTextBackAndWritingItAgainGivesTheSameBytes() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("title", "Cut-over \"weekend\"");
		fields.put("due", LocalDate.of(2030, 1, 31));
		fields.put("estimate", 2.5);
		fields.put("count", 42);
		fields.put("done", false);
		fields.put("owner", null);
		fields.put("labels", List.of("infra", "risk"));
		fields.put("nested", Map.of("b", List.of(1, 2), "a", Map.of()));
		String written = CanonicalJson.write(fields);
		Object reread = JsonMapper.builder().build().readValue(written, Object.class);
		assertThat(CanonicalJson.write(reread)).isEqualTo(written);
	}

	@Test
	void changesListOnlyTheFieldsThatChangedWithBeforeAndAfter() {
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("title", "A");
		before.put("due", LocalDate.of(2030, 1, 31));
		before.put("points", 3);
		before.put("owner", "ana");
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("title", "B");
		after.put("due", "2030-01-31");
		after.put("points", 3L);
		after.put("status", Status.OPEN);
		assertThat(CanonicalJson.write(FieldChanges.between(before, after)))
			.isEqualTo("{\"owner\":{\"after\":null,\"before\":\"ana\"},\"status\":{\"after\":\"OPEN\",\"before\":null},"
					+ "\"title\":{\"after\":\"B\",\"before\":\"A\"}}");
	}

	@Test
	void secretsNeverReachTheRecord() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("username", "ana");
		fields.put("passwordHash", "{bcrypt}$2a$10$abc");
		fields.put("token_hash", "deadbeef");
		fields.put("password", "changed");
		assertThat(AuditRecorder.withoutSecrets(fields)).containsEntry("username", "ana")
			.containsEntry("passwordHash", "[redacted]")
			.containsEntry("token_hash", "[redacted]")
			.containsEntry("password", "changed");
	}

}
