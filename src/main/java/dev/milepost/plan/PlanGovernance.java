package dev.milepost.plan;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.Rows;
import dev.milepost.plan.milestone.Milestones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What governance may read of a plan and do to it: look up the milestone or deliverable an
 * approval is about, achieve a milestone with an approval decided through a request, and move a
 * milestone's target as a re-plan agreed. The milestone still checks the evidence and refuses
 * what its rules refuse. Access is the caller's business: resolve the project with
 * {@link ProjectAccess} first.
 */
@Service
public class PlanGovernance {

	private final JdbcClient jdbc;

	private final Milestones milestones;

	PlanGovernance(JdbcClient jdbc, Milestones milestones) {
		this.jdbc = jdbc;
		this.milestones = milestones;
	}

	public Optional<ProjectPlan.Milestone> milestone(ProjectContext context, UUID id) {
		return jdbc.sql("""
				select m.id, m.name, m.target_date, o.username as owner, m.criterion_kind, m.criterion_text,
				       a.username as approver, m.criterion_role, m.tags, m.achieved_at, b.username as achieved_by
				from milestone m
				join app_user o on o.id = m.owner_id
				left join app_user a on a.id = m.criterion_approver_id
				left join app_user b on b.id = m.achieved_by
				where m.id = :id and m.project_id = :p""")
			.param("id", id)
			.param("p", context.projectId())
			.query((rs, n) -> {
				String tags = rs.getString("tags");
				Timestamp achieved = rs.getTimestamp("achieved_at");
				return new ProjectPlan.Milestone(rs.getObject("id", UUID.class), rs.getString("name"),
						rs.getObject("target_date", LocalDate.class), rs.getString("owner"),
						CriterionKind.valueOf(rs.getString("criterion_kind")), rs.getString("criterion_text"),
						rs.getString("approver"),
						rs.getString("criterion_role"), tags == null ? List.of() : List.of(tags.split(",")),
						achieved == null ? null : achieved.toInstant(), rs.getString("achieved_by"));
			})
			.optional();
	}

	public Optional<ProjectPlan.Deliverable> deliverable(ProjectContext context, UUID id) {
		return jdbc.sql("""
				select d.id, d.name, a.username as acceptor, d.milestone_id, d.accepted_at is not null as accepted
				from deliverable d join app_user a on a.id = d.acceptor_id
				where d.id = :id and d.project_id = :p""")
			.param("id", id)
			.param("p", context.projectId())
			.query(Rows.of(ProjectPlan.Deliverable.class))
			.optional();
	}

	/**
	 * Achieves an approval milestone with the first of the approvals decided through a request
	 * (see {@link ApprovalGiven}) that {@link MilestoneAchievement} accepts; returns whether it did.
	 * Approvals that do not meet the criterion change nothing.
	 */
	@Transactional
	public boolean achieveByApproval(ProjectContext context, UUID milestoneId, List<ApprovalGiven> approvals) {
		return milestones.achieveByApproval(context, milestoneId, approvals).isPresent();
	}

	/** Moves a milestone's target as a re-plan agreed, keeping the move on its revision history. */
	@Transactional
	public void replan(ProjectContext context, UUID milestoneId, TargetRevision revision) {
		milestones.replan(context, milestoneId, revision);
	}

}
