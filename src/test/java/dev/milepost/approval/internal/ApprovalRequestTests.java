package dev.milepost.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.approval.ApprovalMode;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.Decision;
import dev.milepost.common.ConflictException;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.ProjectRole;
import org.junit.jupiter.api.Test;

class ApprovalRequestTests {

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	static final UUID MANAGER = UUID.randomUUID();

	static final UUID CISO = UUID.randomUUID();

	static final UUID SPONSOR = UUID.randomUUID();

	static final UUID DEPUTY = UUID.randomUUID();

	static final ApprovalRequest.Around NOTHING = ApprovalRequest.Around.NOTHING;

	static ApprovalRequest request(ApprovalMode mode, ApprovalStep... approvers) {
		return ApprovalRequest.open(new ApprovalRequest.Opening(UUID.randomUUID(), "ERP", 1, "Security audit approved?",
				null, ApprovalRequest.Subject.free(), mode, TODAY.plusDays(7), List.of(approvers), MANAGER, List.of()), NOW, TODAY);
	}

	static ApprovalRequest cisoThenSponsor(ApprovalMode mode) {
		return request(mode, ApprovalStep.person(CISO), ApprovalStep.person(SPONSOR));
	}

	@Test
	void inSequenceTheSecondApproverCannotDecideBeforeTheFirst() {
		ApprovalRequest request = cisoThenSponsor(ApprovalMode.SEQUENTIAL);
		assertThatThrownBy(() -> request.decide(SPONSOR, ProjectRole.APPROVER, Decision.APPROVE, null, NOW, NOTHING))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("not your turn");
		request.decide(CISO, ProjectRole.APPROVER, Decision.APPROVE, "Audit passed", NOW, NOTHING);
		assertThat(request.status()).isEqualTo(ApprovalStatus.PENDING);
		request.decide(SPONSOR, ProjectRole.APPROVER, Decision.APPROVE, null, NOW, NOTHING);
		assertThat(request.status()).isEqualTo(ApprovalStatus.APPROVED);
		assertThat(request.closedAt()).isEqualTo(NOW);
	}

	@Test
	void whenAllMustApproveOneRejectionClosesTheRequest() {
		ApprovalRequest request = cisoThenSponsor(ApprovalMode.ALL);
		request.decide(SPONSOR, ProjectRole.APPROVER, Decision.REJECT, "Budget is not approved", NOW, NOTHING);
		assertThat(request.status()).isEqualTo(ApprovalStatus.REJECTED);
		assertThatThrownBy(() -> request.decide(CISO, ProjectRole.APPROVER, Decision.APPROVE, null, NOW, NOTHING))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("closed");
	}

	@Test
	void whenAnyOneSufficesARejectionLeavesItOpenUntilEveryoneRejects() {
		ApprovalRequest open = cisoThenSponsor(ApprovalMode.ANY);
		open.decide(CISO, ProjectRole.APPROVER, Decision.REJECT, "Not yet", NOW, NOTHING);
		assertThat(open.status()).isEqualTo(ApprovalStatus.PENDING);
		open.decide(SPONSOR, ProjectRole.APPROVER, Decision.APPROVE, null, NOW, NOTHING);
		assertThat(open.status()).isEqualTo(ApprovalStatus.APPROVED);

		ApprovalRequest refused = cisoThenSponsor(ApprovalMode.ANY);
		refused.decide(CISO, ProjectRole.APPROVER, Decision.REJECT, "Not yet", NOW, NOTHING);
		refused.decide(SPONSOR, ProjectRole.APPROVER, Decision.REJECT, "No", NOW, NOTHING);
		assertThat(refused.status()).isEqualTo(ApprovalStatus.REJECTED);
	}

	@Test
	void aDecisionIsFinal() {
		ApprovalRequest request = cisoThenSponsor(ApprovalMode.ALL);
		request.decide(CISO, ProjectRole.APPROVER, Decision.APPROVE, null, NOW, NOTHING);
		assertThatThrownBy(() -> request.decide(CISO, ProjectRole.APPROVER, Decision.REJECT, "changed my mind", NOW, NOTHING))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("a decision is final");
		assertThat(request.steps().get(0).decision()).isEqualTo(Decision.APPROVE);
	}

	@Test
	void onlyTheNamedApproversDecideAndStakeholdersNever() {
		ApprovalRequest request = cisoThenSponsor(ApprovalMode.ALL);
		assertThatThrownBy(() -> request.decide(MANAGER, ProjectRole.MANAGER, Decision.APPROVE, null, NOW, NOTHING))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> request.decide(CISO, ProjectRole.STAKEHOLDER, Decision.APPROVE, null, NOW, NOTHING))
			.isInstanceOf(ForbiddenException.class);
		assertThat(request.steps()).noneMatch(ApprovalStep::decided);
	}

	@Test
	void aRejectionSaysWhy() {
		ApprovalRequest request = cisoThenSponsor(ApprovalMode.ALL);
		assertThatThrownBy(() -> request.decide(CISO, ProjectRole.APPROVER, Decision.REJECT, "  ", NOW, NOTHING))
			.isInstanceOfSatisfying(RuleViolationException.class,
					e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("comment"));
		assertThat(request.status()).isEqualTo(ApprovalStatus.PENDING);
	}

	@Test
	void aRoleTurnIsDecidedByWhoeverHoldsTheRole() {
		ApprovalRequest request = request(ApprovalMode.ALL, ApprovalStep.role(ProjectRole.APPROVER));
		assertThatThrownBy(() -> request.decide(MANAGER, ProjectRole.MANAGER, Decision.APPROVE, null, NOW, NOTHING))
			.isInstanceOf(ForbiddenException.class);
		request.decide(SPONSOR, ProjectRole.APPROVER, Decision.APPROVE, null, NOW, NOTHING);
		assertThat(request.status()).isEqualTo(ApprovalStatus.APPROVED);
		assertThat(request.steps().get(0).decidedBy()).isEqualTo(SPONSOR);
	}

	@Test
	void aDelegateDecidesTheTurnOnBehalfOfTheApproverWhoCannotDecideItAnyMore() {
		ApprovalRequest request = cisoThenSponsor(ApprovalMode.ALL);
		request.delegate(CISO, ProjectRole.APPROVER, DEPUTY, ProjectRole.MEMBER, "On holiday", NOW);
		assertThatThrownBy(() -> request.decide(CISO, ProjectRole.APPROVER, Decision.APPROVE, null, NOW, NOTHING))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("handed your turn");
		assertThatThrownBy(
				() -> request.delegate(DEPUTY, ProjectRole.MEMBER, MANAGER, ProjectRole.MANAGER, null, NOW))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("only they may hand it");
		ApprovalRequest.Decided decided = request.decide(DEPUTY, ProjectRole.MEMBER, Decision.APPROVE, "ok", NOW, NOTHING);
		assertThat(decided.step().onBehalfOf()).isEqualTo(CISO);
		assertThat(decided.step().delegationNote()).isEqualTo("On holiday");
	}

	@Test
	void delegatingToYourselfTakesTheTurnBack() {
		ApprovalRequest request = cisoThenSponsor(ApprovalMode.ALL);
		request.delegate(CISO, ProjectRole.APPROVER, DEPUTY, ProjectRole.MEMBER, null, NOW);
		request.delegate(CISO, ProjectRole.APPROVER, CISO, ProjectRole.APPROVER, null, NOW);
		assertThat(request.steps().get(0).delegated()).isFalse();
		request.decide(CISO, ProjectRole.APPROVER, Decision.APPROVE, null, NOW, NOTHING);
	}

	@Test
	void aTurnIsNotDelegatedToAStakeholderOrToSomeoneWithATurnOfTheirOwn() {
		ApprovalRequest request = cisoThenSponsor(ApprovalMode.ALL);
		assertThatThrownBy(
				() -> request.delegate(CISO, ProjectRole.APPROVER, DEPUTY, ProjectRole.STAKEHOLDER, null, NOW))
			.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(
				() -> request.delegate(CISO, ProjectRole.APPROVER, SPONSOR, ProjectRole.APPROVER, null, NOW))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("one person decides one turn");
		assertThat(request.steps()).noneMatch(ApprovalStep::delegated);
	}

	@Test
	void aRequestNeedsAnApproverAndADueDateNotPast() {
		assertThatThrownBy(() -> request(ApprovalMode.ALL)).isInstanceOfSatisfying(RuleViolationException.class,
				e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("approvers"));
		assertThatThrownBy(() -> ApprovalRequest.open(new ApprovalRequest.Opening(UUID.randomUUID(), "ERP", 1, "Late?",
				null, ApprovalRequest.Subject.free(), ApprovalMode.ALL, TODAY.minusDays(1),
				List.of(ApprovalStep.person(CISO)), MANAGER, List.of()), NOW, TODAY))
			.isInstanceOfSatisfying(RuleViolationException.class,
					e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("dueDate"));
	}

}
