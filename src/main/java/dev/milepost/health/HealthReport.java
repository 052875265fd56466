package dev.milepost.health;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/v1/projects/{key}/health}: the findings and how many of each severity. */
record HealthReport(String project, LocalDate checkedOn, List<Finding> findings, Map<Severity, Integer> counts) {

	static HealthReport of(String project, LocalDate checkedOn, List<Finding> findings) {
		Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
		for (Severity severity : Severity.values()) {
			counts.put(severity, 0);
		}
		findings.forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
		return new HealthReport(project, checkedOn, List.copyOf(findings), counts);
	}

}
