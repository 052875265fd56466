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
import dev.milepost.plan.ProjectRole;
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

	@Test
	void anApprovalMilestoneIsAchievedOnlyByItsNamedApprover() {
		Milestone milestone = approvedByCiso();
		UUID someoneElse = UUID.randomUUID();
		assertThatThrownBy(() -> milestone.achieve(new Evidence.Approval(someoneElse, "pm", ProjectRole.MANAGER, "ok"),
				someoneElse, NOW)).isInstanceOf(RuleViolationException.class);
		assertThat(milestone.isAchieved()).isFalse();

		milestone.achieve(new Evidence.Approval(CISO, "raj.patel", ProjectRole.APPROVER, "Report v3 reviewed"), CISO,
				NOW);
		assertThat(milestone.isAchieved()).isTrue();
		assertThat(milestone.achievedBy()).isEqualTo(CISO);
		assertThat(milestone.achievedAt()).isEqualTo(NOW);
		assertThat(milestone.evidence()).isEqualTo("Approved by raj.patel: Report v3 reviewed");
	}

	@Test
	void evidenceOfAnotherKindDoesNotAchieveIt() {
		Milestone milestone = approvedByCiso();
		assertThatThrownBy(() -> milestone.achieve(new Evidence.OwnerConfirmation(OWNER, "trust me"), OWNER, NOW))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("approval by a named person");
		assertThat(milestone.isAchieved()).isFalse();
	}

	@Test
	void anAchievedMilestoneStaysAchievedAndItsRecordDoesNotChange() {
		Milestone milestone = approvedByCiso();
		milestone.achieve(new Evidence.Approval(CISO, "raj.patel", ProjectRole.APPROVER, null), CISO, NOW);
		assertThatThrownBy(() -> milestone.achieve(new Evidence.Approval(CISO, "raj.patel", ProjectRole.APPROVER, null),
				CISO, NOW.plusSeconds(60))).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> milestone.change(new Milestone.Details("Renamed", null, LocalDate.of(2027, 1, 8), OWNER,
				milestone.criterion(), List.of()))).isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("no longer change");
		milestone.change(new Milestone.Details("Security audit approved by the CISO", "clearer", LocalDate.of(2026, 12, 11),
				OWNER, milestone.criterion(), List.of("security")));
		assertThat(milestone.name()).isEqualTo("Security audit approved by the CISO");
	}

	@Test
	void aRoleApprovalNeedsSomeoneHoldingThatRole() {
		Milestone milestone = milestone(
				new Milestone.Criterion(CriterionKind.APPROVAL_BY_ROLE, "An approver signs", null, ProjectRole.APPROVER));
		UUID manager = UUID.randomUUID();
		assertThatThrownBy(() -> milestone.achieve(new Evidence.Approval(manager, "pm", ProjectRole.MANAGER, null),
				manager, NOW)).isInstanceOf(RuleViolationException.class);
		UUID approver = UUID.randomUUID();
		milestone.achieve(new Evidence.Approval(approver, "sponsor", ProjectRole.APPROVER, null), approver, NOW);
		assertThat(milestone.isAchieved()).isTrue();
	}

	@Test
	void ownerConfirmationNeedsTheOwnerAndSomeEvidence() {
		Milestone milestone = milestone(new Milestone.Criterion(CriterionKind.OWNER_CONFIRMATION, "Owner confirms", null, null));
		assertThatThrownBy(() -> milestone.achieve(new Evidence.OwnerConfirmation(OWNER, "  "), OWNER, NOW))
			.isInstanceOf(RuleViolationException.class);
		UUID other = UUID.randomUUID();
		assertThatThrownBy(() -> milestone.achieve(new Evidence.OwnerConfirmation(other, "link"), other, NOW))
			.isInstanceOf(RuleViolationException.class);
		milestone.achieve(new Evidence.OwnerConfirmation(OWNER, "https://status.example.com"), OWNER, NOW);
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
	void theNamedApproversDelegateAchievesItThroughARequestAndTheRecordSaysOnWhoseBehalf() {
		Milestone milestone = approvedByCiso();
		UUID deputy = UUID.randomUUID();
		UUID request = UUID.randomUUID();
		milestone.achieve(new Evidence.Approval(deputy, "dana.deputy", ProjectRole.MEMBER, "Report v3 reviewed",
				new Evidence.ThroughRequest(request, 7, CISO, "raj.patel", ProjectRole.APPROVER)), deputy, NOW);
		assertThat(milestone.isAchieved()).isTrue();
		assertThat(milestone.achievedBy()).isEqualTo(deputy);
		assertThat(milestone.evidence())
			.isEqualTo("Approved by dana.deputy on behalf of raj.patel (request #7): Report v3 reviewed");
	}

	@Test
	void theNamedApproverDecidingThroughARequestNamesTheRequest() {
		Milestone milestone = approvedByCiso();
		milestone.achieve(new Evidence.Approval(CISO, "raj.patel", ProjectRole.APPROVER, "Fine",
				new Evidence.ThroughRequest(UUID.randomUUID(), 3, null, null, null)), CISO, NOW);
		assertThat(milestone.evidence()).isEqualTo("Approved by raj.patel (request #3): Fine");
	}

	@Test
	void aDelegateOfSomeoneElseOrOneWhoIsNotTheDeciderDoesNotAchieveIt() {
		Milestone milestone = approvedByCiso();
		UUID deputy = UUID.randomUUID();
		UUID someoneElse = UUID.randomUUID();
		assertThatThrownBy(() -> milestone.achieve(new Evidence.Approval(deputy, "dana", ProjectRole.MEMBER, null,
				new Evidence.ThroughRequest(UUID.randomUUID(), 1, someoneElse, "pm", ProjectRole.MANAGER)), deputy, NOW))
			.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> milestone.achieve(new Evidence.Approval(deputy, "dana", ProjectRole.MEMBER, null,
				new Evidence.ThroughRequest(UUID.randomUUID(), 1, CISO, "raj.patel", ProjectRole.APPROVER)), CISO, NOW))
			.as("recorded as achieved by someone other than who decided").isInstanceOf(RuleViolationException.class);
		assertThat(milestone.isAchieved()).isFalse();
	}

	@Test
	void aRoleApprovalMayBeDecidedByTheDelegateOfARoleHolder() {
		Milestone milestone = milestone(
				new Milestone.Criterion(CriterionKind.APPROVAL_BY_ROLE, "An approver signs", null, ProjectRole.APPROVER));
		UUID deputy = UUID.randomUUID();
		milestone.achieve(new Evidence.Approval(deputy, "dana", ProjectRole.MEMBER, null,
				new Evidence.ThroughRequest(UUID.randomUUID(), 2, UUID.randomUUID(), "sponsor", ProjectRole.APPROVER)),
				deputy, NOW);
		assertThat(milestone.isAchieved()).isTrue();
	}

	@Test
	void anAgreedRePlanMovesTheTargetButNeverAnAchievedOne() {
		Milestone milestone = approvedByCiso();
		milestone.moveTarget(LocalDate.of(2027, 1, 15));
		assertThat(milestone.targetDate()).isEqualTo(LocalDate.of(2027, 1, 15));
		assertThatThrownBy(() -> milestone.moveTarget(LocalDate.of(2027, 1, 15)))
			.isInstanceOf(RuleViolationException.class);
		milestone.achieve(new Evidence.Approval(CISO, "raj.patel", ProjectRole.APPROVER, null), CISO, NOW);
		assertThatThrownBy(() -> milestone.moveTarget(LocalDate.of(2027, 2, 1))).isInstanceOf(ConflictException.class)
			.hasMessageContaining("no longer changes");
		assertThat(milestone.targetDate()).isEqualTo(LocalDate.of(2027, 1, 15));
	}

}
