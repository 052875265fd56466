package dev.milepost.plan.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.MilestoneAchievement;
import dev.milepost.plan.WorkItem;
import org.junit.jupiter.api.Test;

class MilestoneTests {

	static final UUID PROJECT = UUID.randomUUID();

	static final UUID OWNER = UUID.randomUUID();

	static final UUID CISO = UUID.randomUUID();

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	static Milestone milestone(Milestone.Criterion criterion) {
		return Milestone.create(PROJECT, new Milestone.Details("Security audit approved", null,
				LocalDate.of(2026, 12, 11), OWNER, criterion, List.of()), NOW);
	}

	static Milestone approvedByCiso() {
		return milestone(new Milestone.Criterion(CriterionKind.APPROVAL_BY_PERSON, "CISO approves", CISO, null));
	}

	@Test
	void refusesADurationEffortAndAssigneesNamingEachField() {
		assertThatThrownBy(() -> Milestone.refuseWork(3, 10, List.of("ana")))
			.isInstanceOfSatisfying(RuleViolationException.class, e -> {
				assertThat(e.fieldErrors()).extracting(error -> error.field())
					.containsExactly("durationDays", "effortHours", "assignees");
				assertThat(e.getMessage()).contains("A milestone marks a moment")
					.contains("Model the work as a task that feeds the milestone");
			});
	}

	@Test
	void zeroDurationAndNoAssigneesAreWhatAMilestoneHasAnyway() {
		assertThatCode(() -> Milestone.refuseWork(0, 0.0, List.of())).doesNotThrowAnyException();
		assertThatCode(() -> Milestone.refuseWork(0L, 0, null)).doesNotThrowAnyException();
		assertThatCode(() -> Milestone.refuseWork(null, null, null)).doesNotThrowAnyException();
		// zero is the line: the least work beyond it is refused, naming only that field
		assertThatThrownBy(() -> Milestone.refuseWork(0, 0.5, List.of()))
			.isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.fieldErrors())
				.extracting(error -> error.field())
				.containsExactly("effortHours"));
	}

	/** What {@link MilestoneAchievement} answers when it allows an achievement with no work open. */
	static MilestoneAchievement.Allowed permit(Milestone milestone) {
		return new MilestoneAchievement.Allowed(milestone.id(), List.of(), false);
	}

	@Test
	void anAchievementRecordsWhoWhenAndTheEvidence() {
		Milestone milestone = approvedByCiso();
		milestone.achieve(permit(milestone),
				new Evidence.Approval(CISO, "raj.patel", "Report v3 reviewed"), CISO, NOW);
		assertThat(milestone.isAchieved()).isTrue();
		assertThat(milestone.achievedBy()).isEqualTo(CISO);
		assertThat(milestone.achievedAt()).isEqualTo(NOW);
		assertThat(milestone.evidenceKind()).isEqualTo(CriterionKind.APPROVAL_BY_PERSON);
		assertThat(milestone.evidence()).isEqualTo("Approved by raj.patel: Report v3 reviewed");
		assertThat(milestone.achievedOpenWork()).isEmpty();
	}

	@Test
	void aPermitForAnotherMilestoneAchievesNothing() {
		Milestone milestone = approvedByCiso();
		assertThatThrownBy(() -> milestone.achieve(permit(approvedByCiso()),
				new Evidence.Approval(CISO, "raj.patel", null), CISO, NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(milestone.isAchieved()).isFalse();
	}

	@Test
	void theRecordKeepsTheOpenWorkTheAchieverWasShown() {
		Milestone milestone = approvedByCiso();
		milestone.achieve(new MilestoneAchievement.Allowed(milestone.id(),
				List.of(new WorkItem(UUID.randomUUID(), "Security review", 0, false, false),
						new WorkItem(UUID.randomUUID(), "Pen test", 40, true, false)),
				true), new Evidence.Approval(CISO, "raj.patel", "Risk accepted"), CISO, NOW);
		assertThat(milestone.achievedOpenWork()).containsExactly("Security review (0 %)", "Pen test (40 %)");
	}

	@Test
	void anAchievedMilestoneStaysAchievedAndItsRecordDoesNotChange() {
		Milestone milestone = approvedByCiso();
		milestone.achieve(permit(milestone), new Evidence.Approval(CISO, "raj.patel", null),
				CISO, NOW);
		assertThatThrownBy(() -> milestone.achieve(permit(milestone),
				new Evidence.Approval(CISO, "raj.patel", null), CISO, NOW.plusSeconds(60)))
			.isInstanceOf(ConflictException.class);
		assertThat(milestone.achievedAt()).isEqualTo(NOW);
		assertThatThrownBy(() -> milestone.change(new Milestone.Details("Renamed", null, LocalDate.of(2027, 1, 8), OWNER,
				milestone.criterion(), List.of()))).isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("no longer change");
		milestone.change(new Milestone.Details("Security audit approved by the CISO", "clearer", LocalDate.of(2026, 12, 11),
				OWNER, milestone.criterion(), List.of("security")));
		assertThat(milestone.name()).isEqualTo("Security audit approved by the CISO");
	}

	@Test
	void ownerConfirmationRecordsTheEvidenceAsGiven() {
		Milestone milestone = milestone(new Milestone.Criterion(CriterionKind.OWNER_CONFIRMATION, "Owner confirms", null, null));
		milestone.achieve(permit(milestone), new Evidence.OwnerConfirmation(OWNER, " https://status.example.com "), OWNER,
				NOW);
		assertThat(milestone.evidence()).isEqualTo("https://status.example.com");
	}

	@Test
	void aCriterionNamesAnApproverOrARoleOnlyWhenItsKindNeedsOne() {
		assertThatThrownBy(() -> milestone(new Milestone.Criterion(CriterionKind.APPROVAL_BY_PERSON, "x", null, null)))
			.isInstanceOfSatisfying(RuleViolationException.class,
					e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("criterion.approver"));
		assertThatThrownBy(() -> milestone(new Milestone.Criterion(CriterionKind.APPROVAL_BY_ROLE, "x", null, null)))
			.isInstanceOfSatisfying(RuleViolationException.class,
					e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("criterion.role"));
		assertThatThrownBy(() -> milestone(new Milestone.Criterion(CriterionKind.OWNER_CONFIRMATION, "x", CISO, null)))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void anApprovalThroughARequestByADelegateSaysOnWhoseBehalf() {
		Milestone milestone = approvedByCiso();
		UUID deputy = UUID.randomUUID();
		UUID request = UUID.randomUUID();
		milestone.achieve(permit(milestone), new Evidence.Approval(deputy, "dana.deputy", "Report v3 reviewed",
				new Evidence.ThroughRequest(request, 7, CISO, "raj.patel")),
				deputy, NOW);
		assertThat(milestone.achievedBy()).isEqualTo(deputy);
		assertThat(milestone.evidence())
			.isEqualTo("Approved by dana.deputy on behalf of raj.patel (request #7): Report v3 reviewed");
	}

	@Test
	void theNamedApproverDecidingThroughARequestNamesTheRequest() {
		Milestone milestone = approvedByCiso();
		milestone.achieve(permit(milestone), new Evidence.Approval(CISO, "raj.patel", "Fine",
				new Evidence.ThroughRequest(UUID.randomUUID(), 3, null, null)), CISO, NOW);
		assertThat(milestone.evidence()).isEqualTo("Approved by raj.patel (request #3): Fine");
	}

	@Test
	void anAgreedRePlanMovesTheTargetButNeverAnAchievedOne() {
		Milestone milestone = approvedByCiso();
		milestone.moveTarget(LocalDate.of(2027, 1, 15));
		assertThat(milestone.targetDate()).isEqualTo(LocalDate.of(2027, 1, 15));
		assertThatThrownBy(() -> milestone.moveTarget(LocalDate.of(2027, 1, 15)))
			.isInstanceOf(RuleViolationException.class);
		milestone.achieve(permit(milestone), new Evidence.Approval(CISO, "raj.patel", null), CISO,
				NOW);
		assertThatThrownBy(() -> milestone.moveTarget(LocalDate.of(2027, 2, 1))).isInstanceOf(ConflictException.class)
			.hasMessageContaining("no longer changes");
		assertThat(milestone.targetDate()).isEqualTo(LocalDate.of(2027, 1, 15));
	}

}
