package dev.milepost.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.MilestoneAchievement.Allowed;
import dev.milepost.plan.MilestoneAchievement.Answer;
import dev.milepost.plan.MilestoneAchievement.Ground;
import dev.milepost.plan.MilestoneAchievement.Person;
import dev.milepost.plan.MilestoneAchievement.Refused;
import dev.milepost.plan.MilestoneAchievement.Work;
import org.junit.jupiter.api.Test;

/** Who may achieve a milestone, told as stories about one project's people. */
class MilestoneAchievementTests {

	static final UUID OWNER = UUID.randomUUID();

	static final UUID CISO = UUID.randomUUID();

	static final Person owner = new Person(OWNER, ProjectRole.MEMBER, false);

	static final Person ciso = new Person(CISO, ProjectRole.APPROVER, false);

	static final Person manager = new Person(UUID.randomUUID(), ProjectRole.MANAGER, true);

	static final Person member = new Person(UUID.randomUUID(), ProjectRole.MEMBER, false);

	static final Person approver = new Person(UUID.randomUUID(), ProjectRole.APPROVER, false);

	static final Person stakeholder = new Person(UUID.randomUUID(), ProjectRole.STAKEHOLDER, false);

	/** A workspace administrator who is not a member of the project. */
	static final Person admin = new Person(UUID.randomUUID(), null, true);

	static final Work NOTHING_OPEN = new Work(List.of(done("Build")), List.of());

	static MilestoneAchievement.Milestone milestone(CriterionKind kind) {
		return new MilestoneAchievement.Milestone(UUID.randomUUID(), "Security audit approved", kind, "words", OWNER,
				"olga", kind == CriterionKind.APPROVAL_BY_PERSON ? CISO : null,
				kind == CriterionKind.APPROVAL_BY_PERSON ? "raj" : null,
				kind == CriterionKind.APPROVAL_BY_ROLE ? ProjectRole.APPROVER : null, null);
	}

	static WorkItem done(String name) {
		return new WorkItem(UUID.randomUUID(), name, 100, true, true);
	}

	static WorkItem open(String name, int percent) {
		return new WorkItem(UUID.randomUUID(), name, percent, percent > 0, false);
	}

	static Answer directly(CriterionKind kind, Person person) {
		return MilestoneAchievement.achieve(milestone(kind), NOTHING_OPEN, person, "Seen it", false);
	}

	static void refused(Answer answer, Ground ground, String... reason) {
		assertThat(answer).isInstanceOfSatisfying(Refused.class, refused -> {
			assertThat(refused.ground()).isEqualTo(ground);
			assertThat(refused.reason()).contains(reason);
		});
	}

	@Test
	void onlyTheNamedApproverGivesANamedApproval() {
		assertThat(directly(CriterionKind.APPROVAL_BY_PERSON, ciso).allowed()).isTrue();
		for (Person other : List.of(manager, owner, approver, admin)) {
			refused(directly(CriterionKind.APPROVAL_BY_PERSON, other), Ground.NOT_MET,
					"needs the approval of raj; nobody else can give it");
		}
	}

	@Test
	void aRoleApprovalIsGivenByWhoeverHoldsTheRoleAndNotByAnAdministratorOutsideIt() {
		assertThat(directly(CriterionKind.APPROVAL_BY_ROLE, approver).allowed()).isTrue();
		refused(directly(CriterionKind.APPROVAL_BY_ROLE, manager), Ground.NOT_MET, "holding the approver role",
				"you hold the manager role");
		refused(directly(CriterionKind.APPROVAL_BY_ROLE, admin), Ground.NOT_MET, "holding the approver role");
	}

	@Test
	void onlyTheOwnerConfirmsAndOnlyWithEvidence() {
		assertThat(directly(CriterionKind.OWNER_CONFIRMATION, owner).allowed()).isTrue();
		refused(directly(CriterionKind.OWNER_CONFIRMATION, manager), Ground.NOT_MET, "Only the owner, olga");
		refused(MilestoneAchievement.achieve(milestone(CriterionKind.OWNER_CONFIRMATION), NOTHING_OPEN, owner, " ",
				false), Ground.NOT_MET, "needs evidence");
		assertThat(MilestoneAchievement.mayAchieve(milestone(CriterionKind.OWNER_CONFIRMATION), NOTHING_OPEN, owner)
			.allowed()).as("before they have said anything, the owner may").isTrue();
	}

	@Test
	void finishedWorkAndAcceptedDeliverablesAreRecordedByTheOwnerOrAManagerNotByAnyMember() {
		Work accepted = new Work(List.of(), List.of(new MilestoneAchievement.Confirmation("Runbook", true)));
		for (Person allowed : List.of(owner, manager, admin)) {
			assertThat(directly(CriterionKind.ALL_FEEDING_TASKS_DONE, allowed).allowed()).isTrue();
			assertThat(MilestoneAchievement.mayAchieve(milestone(CriterionKind.DELIVERABLE_ACCEPTED), accepted, allowed)
				.allowed()).isTrue();
		}
		refused(directly(CriterionKind.ALL_FEEDING_TASKS_DONE, member), Ground.NOT_PERMITTED,
				"Only the milestone's owner or a manager");
		refused(MilestoneAchievement.mayAchieve(milestone(CriterionKind.DELIVERABLE_ACCEPTED), accepted, member),
				Ground.NOT_PERMITTED, "Only the milestone's owner or a manager");
	}

	@Test
	void stakeholdersAchieveNothingAndNothingIsAchievedTwice() {
		for (CriterionKind kind : CriterionKind.values()) {
			refused(directly(kind, stakeholder), Ground.NOT_PERMITTED, "Stakeholders follow milestones");
		}
		MilestoneAchievement.Milestone achieved = new MilestoneAchievement.Milestone(UUID.randomUUID(), "Done",
				CriterionKind.APPROVAL_BY_PERSON, "words", OWNER, "olga", CISO, "raj", null,
				Instant.parse("2026-11-02T10:00:00Z"));
		refused(MilestoneAchievement.achieve(achieved, NOTHING_OPEN, ciso, null, false), Ground.ACHIEVED,
				"already achieved on 2026-11-02");
	}

	@Test
	void allFeedingTasksDoneMeansEveryTaskUpstreamAndNoneAtAll() {
		Work buildNotStarted = new Work(List.of(done("Test"), open("Build", 0)), List.of());
		refused(MilestoneAchievement.achieve(milestone(CriterionKind.ALL_FEEDING_TASKS_DONE), buildNotStarted, manager,
				null, true), Ground.NOT_MET, "Feeding tasks not done yet", "Build (0 %)");
		refused(MilestoneAchievement.achieve(milestone(CriterionKind.ALL_FEEDING_TASKS_DONE),
				new Work(List.of(), List.of()), manager, null, false), Ground.NOT_MET, "No task feeds this milestone");
	}

	@Test
	void anApproverWhoApprovesOverOpenWorkSaysTheySawItAndTheRecordKeepsIt() {
		Work open = new Work(List.of(open("Security review", 0), open("Pen test", 40), done("Scope")), List.of());
		MilestoneAchievement.Milestone milestone = milestone(CriterionKind.APPROVAL_BY_PERSON);

		assertThat(MilestoneAchievement.mayAchieve(milestone, open, ciso)).isInstanceOfSatisfying(Allowed.class,
				may -> assertThat(may.acknowledgementNeeded()).isTrue());
		refused(MilestoneAchievement.achieve(milestone, open, ciso, "ok", false), Ground.OPEN_WORK_UNSEEN,
				"still open", "Security review (0 %); Pen test (40 %)", MilestoneAchievement.ACKNOWLEDGEMENT);
		assertThat(MilestoneAchievement.achieve(milestone, open, ciso, "Risk accepted", true))
			.isInstanceOfSatisfying(Allowed.class, allowed -> assertThat(allowed.openWork())
				.extracting(WorkItem::describe)
				.containsExactly("Security review (0 %)", "Pen test (40 %)"));
	}

	@Test
	void anAcceptanceKeepsTheOpenWorkWithoutAskingAnyone() {
		Work open = new Work(List.of(open("Training", 10)), List.of(new MilestoneAchievement.Confirmation("Runbook", true)));
		assertThat(MilestoneAchievement.achieve(milestone(CriterionKind.DELIVERABLE_ACCEPTED), open, owner, null, false))
			.isInstanceOfSatisfying(Allowed.class, allowed -> {
				assertThat(allowed.acknowledgementNeeded()).isFalse();
				assertThat(allowed.openWork()).extracting(WorkItem::name).containsExactly("Training");
			});
	}

	@Test
	void throughARequestTheApprovalCountsForTheApproverWhoseTurnItWas() {
		MilestoneAchievement.Milestone named = milestone(CriterionKind.APPROVAL_BY_PERSON);
		// a delegate deciding on the CISO's behalf: the principal is the CISO
		assertThat(MilestoneAchievement.throughApproval(named, NOTHING_OPEN, ciso, false).allowed()).isTrue();
		refused(MilestoneAchievement.throughApproval(named, NOTHING_OPEN, manager, false), Ground.NOT_MET, "raj");
		MilestoneAchievement.Milestone byRole = milestone(CriterionKind.APPROVAL_BY_ROLE);
		assertThat(MilestoneAchievement.throughApproval(byRole, NOTHING_OPEN, approver, false).allowed()).isTrue();
		refused(MilestoneAchievement.throughApproval(milestone(CriterionKind.OWNER_CONFIRMATION), NOTHING_OPEN, owner,
				false), Ground.NOT_MET, "not by an approval request");
		refused(MilestoneAchievement.throughApproval(named, new Work(List.of(open("Pen test", 40)), List.of()), ciso,
				false), Ground.OPEN_WORK_UNSEEN, "Pen test (40 %)");
	}

	@Test
	void aRefusalBecomesTheRightProblemOnlyWhenSomeoneActsOnIt() {
		assertThat(new Refused(Ground.ACHIEVED, null, "x").asException()).isInstanceOf(ConflictException.class);
		assertThat(new Refused(Ground.NOT_PERMITTED, null, "x").asException()).isInstanceOf(ForbiddenException.class);
		assertThat(new Refused(Ground.NOT_MET, "evidence", "x").asException())
			.isInstanceOfSatisfying(RuleViolationException.class,
					e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("evidence"));
		assertThat(new Refused(Ground.OPEN_WORK_UNSEEN, MilestoneAchievement.ACKNOWLEDGEMENT, "x").asException())
			.isInstanceOfSatisfying(RuleViolationException.class,
					e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("acknowledgeOpenWork"));
	}

	static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 7);

	static final java.time.LocalDate START = java.time.LocalDate.of(2026, 1, 5);

	static Answer backDated(CriterionKind kind, Person person, java.time.LocalDate on) {
		return MilestoneAchievement.backDated(milestone(kind), NOTHING_OPEN, person, "Seen it", false, on, TODAY,
				START);
	}

	@Test
	void theOwnerOrAManagerRecordsAnAchievementOnTheDayItHappenedWithinTheProjectsDays() {
		java.time.LocalDate march = java.time.LocalDate.of(2026, 3, 2);
		assertThat(backDated(CriterionKind.OWNER_CONFIRMATION, owner, march)).isInstanceOf(Allowed.class);
		assertThat(backDated(CriterionKind.ALL_FEEDING_TASKS_DONE, manager, march)).isInstanceOf(Allowed.class);
		assertThat(backDated(CriterionKind.OWNER_CONFIRMATION, owner, START)).as("the project's first day")
			.isInstanceOf(Allowed.class);

		Refused future = (Refused) backDated(CriterionKind.OWNER_CONFIRMATION, owner, TODAY.plusDays(1));
		assertThat(future.ground()).isEqualTo(Ground.OUT_OF_RANGE);
		assertThat(future.field()).isEqualTo("achievedOn");
		assertThat(future.asException()).isInstanceOf(RuleViolationException.class);
		Refused beforeStart = (Refused) backDated(CriterionKind.OWNER_CONFIRMATION, owner, START.minusDays(1));
		assertThat(beforeStart.ground()).isEqualTo(Ground.OUT_OF_RANGE);
		assertThat(beforeStart.reason()).contains("starts on 2026-01-05");
	}

	@Test
	void whoMayAchieveButIsNeitherOwnerNorManagerRecordsItOnlyAsItHappens() {
		java.time.LocalDate march = java.time.LocalDate.of(2026, 3, 2);
		Refused byCiso = (Refused) backDated(CriterionKind.APPROVAL_BY_PERSON, ciso, march);
		assertThat(byCiso.ground()).isEqualTo(Ground.NOT_PERMITTED);
		assertThat(byCiso.asException()).isInstanceOf(ForbiddenException.class);
		assertThat(backDated(CriterionKind.APPROVAL_BY_PERSON, ciso, TODAY)).as("today is not back-dating")
			.isInstanceOf(Allowed.class);
		assertThat(backDated(CriterionKind.APPROVAL_BY_PERSON, ciso, null)).isInstanceOf(Allowed.class);
		assertThat(MilestoneAchievement.mayBackDate(milestone(CriterionKind.APPROVAL_BY_ROLE), NOTHING_OPEN, approver)
			.allowed()).isFalse();
		assertThat(MilestoneAchievement.mayBackDate(milestone(CriterionKind.OWNER_CONFIRMATION), NOTHING_OPEN, owner)
			.allowed()).isTrue();
		// the rule of who may achieve at all still decides first: a manager confirms no owner's milestone
		assertThat(((Refused) backDated(CriterionKind.OWNER_CONFIRMATION, manager, march)).ground())
			.isEqualTo(Ground.NOT_MET);
		assertThat(((Refused) backDated(CriterionKind.OWNER_CONFIRMATION, stakeholder, march)).ground())
			.isEqualTo(Ground.NOT_PERMITTED);
	}

}
