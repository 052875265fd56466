package dev.milepost.automation.runtime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.approval.ApprovalDecided;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.Decision;
import dev.milepost.approval.SubjectKind;
import dev.milepost.common.EntityChanged;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusChanged;
import dev.milepost.schedule.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which triggers an application event stands for, and the facts each carries. */
class OccurrenceTests {

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void aTaskGettingItsActualFinishIsBothUpdatedAndCompletedWithTheChangedFields() {
		EntityChanged change = new EntityChanged("ERP", "task", "t1", "updated",
				Map.of("name", "Build", "state", "IN_PROGRESS", "percentComplete", 50),
				Map.of("name", "Build", "state", "DONE", "percentComplete", 100, "actualFinish", "2026-11-25"), "ann");
		List<Occurrence> found = Occurrence.of(change, NOW);
		assertThat(found).extracting(Occurrence::trigger).containsExactly("task.updated", "task.completed");
		assertThat(found.get(0).data().get("changes")).isEqualTo(Map.of("status",
				Map.of("before", "IN_PROGRESS", "after", "DONE"), "percentComplete",
				Map.of("before", "50", "after", "100"), "actualFinish", Map.of("before", "", "after", "2026-11-25")));
		assertThat(found.get(1).actor()).isEqualTo("ann");
	}

	@Test
	void anUnchangedSaveTriggersNothingAndWorkspaceChangesAreNoTriggers() {
		assertThat(Occurrence.of(new EntityChanged("ERP", "task", "t1", "updated", Map.of("name", "A"),
				Map.of("name", "A"), "ann"), NOW)).isEmpty();
		assertThat(Occurrence.of(new EntityChanged(EntityChanged.WORKSPACE, "user", "ann", "created", Map.of(),
				Map.of("username", "ann"), "admin"), NOW)).isEmpty();
	}

	@Test
	void aStatusBecomingAtRiskIsAStatusChangeAndAnAtRiskWithItsReasons() {
		UUID milestone = UUID.randomUUID();
		MilestoneStatusChanged change = new MilestoneStatusChanged("ERP", milestone, "Go-live", MilestoneStatus.ON_TRACK,
				MilestoneStatus.AT_RISK, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 9),
				List.of(new Reason("FORECAST_AFTER_TARGET", "Forecast 6 working days after the target", List.of(), 6)));
		List<Occurrence> found = Occurrence.of(change, NOW);
		assertThat(found).extracting(Occurrence::trigger).containsExactly("milestone.status-changed", "milestone.at-risk");
		assertThat(found.get(1).data()).containsEntry("from", "ON_TRACK")
			.containsEntry("to", "AT_RISK")
			.containsEntry("reasons", List.of("Forecast 6 working days after the target"));
	}

	@Test
	void onlyAFinalDecisionIsApprovalDecided() {
		UUID request = UUID.randomUUID();
		assertThat(Occurrence.of(new ApprovalDecided("ERP", request, 4, "Go-live?", SubjectKind.MILESTONE,
				UUID.randomUUID(), Decision.APPROVE, "bob", null, "fine", NOW, ApprovalStatus.PENDING), NOW)).isEmpty();
		List<Occurrence> found = Occurrence.of(new ApprovalDecided("ERP", request, 4, "Go-live?", null, null,
				Decision.REJECT, "bob", null, "not yet", NOW, ApprovalStatus.REJECTED), NOW);
		assertThat(found).singleElement().satisfies(occurrence -> {
			assertThat(occurrence.trigger()).isEqualTo("approval.decided");
			assertThat(occurrence.data()).containsEntry("status", "REJECTED")
				.containsEntry("decidedBy", "bob")
				.containsEntry("comment", "not yet")
				.containsEntry("title", "Go-live?")
				.containsEntry("number", 4L);
		});
	}

	@Test
	void placeholdersReadVariablesFieldsAndListsAndLeaveUnknownOnesEmpty() {
		Map<String, Object> variables = Map.of("milestone", Map.of("name", "Go-live", "tags", List.of("erp", "cutover")));
		assertThat(Placeholders.render("{{milestone.name}} ({{ milestone.tags }}) {{task.name}}!", variables))
			.isEqualTo("Go-live (erp, cutover) !");
		assertThat(Placeholders.renderAll(Map.of("text", "{{milestone.name}}", "n", 3), variables))
			.isEqualTo(Map.of("text", "Go-live", "n", 3));
	}

	@Test
	void changePlaceholdersReadTheBeforeAndAfterOfAChangedFieldAndAnUnchangedOneAsEmpty() {
		Map<String, Object> variables = Map.of("changes",
				Map.of("status", Map.of("before", "IN_PROGRESS", "after", "DONE")));
		assertThat(Placeholders.render("{{changes.status.before}} to {{ changes.status.after }}", variables))
			.isEqualTo("IN_PROGRESS to DONE");
		assertThat(Placeholders.render("[{{changes.plannedStart.after}}][{{changes.status}}]", variables))
			.isEqualTo("[][]");
	}

}
