package dev.milepost.plan.member;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.support.PlanEvents;
import dev.milepost.plan.task.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Someone leaving a project. A member leaves once they answer for nothing in it; a deactivated
 * person (who can no longer act on anything) leaves with their task assignments taken off them,
 * each change on the record, and what they answered for that is history (achieved milestones,
 * accepted deliverables) stays with them. What is still open (the project itself, milestones to
 * achieve, deliverables to accept) must be handed to someone else first, as for anyone.
 */
@Service
public class MemberRemoval {

	private final Members members;

	private final MemberRepository repository;

	private final Tasks tasks;

	private final Users users;

	private final PlanEvents events;

	private final JdbcClient jdbc;

	MemberRemoval(Members members, MemberRepository repository, Tasks tasks, Users users, PlanEvents events,
			JdbcClient jdbc) {
		this.members = members;
		this.repository = repository;
		this.tasks = tasks;
		this.users = users;
		this.events = events;
		this.jdbc = jdbc;
	}

	@Transactional
	public void remove(ProjectContext context, String username) {
		Member member = members.load(context, username);
		if (member.role() == ProjectRole.MANAGER) {
			members.requireAnotherManager(context);
		}
		UserSummary user = users.findById(member.userId()).orElseThrow();
		boolean deactivated = !user.enabled();
		List<String> duties = dutiesOf(context.projectId(), member.userId(), deactivated);
		if (!duties.isEmpty()) {
			throw new ConflictException(username + " still answers for things in " + context.projectKey() + ": "
					+ String.join("; ", duties) + ". Hand these to someone else first.");
		}
		if (deactivated) {
			tasks.unassignEverywhere(context, member.userId());
		}
		repository.delete(member);
		events.deleted(context, "member", username, Members.view(member, user));
	}

	/** What the person answers for; for a deactivated person only what is still open, and not their tasks. */
	private List<String> dutiesOf(UUID projectId, UUID userId, boolean deactivated) {
		List<String> duties = new ArrayList<>();
		String open = deactivated ? " and achieved_at is null" : "";
		String notYet = deactivated ? " not achieved yet" : "";
		count(duties, "sponsor or manager of the project (name another in the project's settings)",
				"select count(*) from project where id = :p and (sponsor_id = :u or manager_id = :u)", projectId, userId);
		count(duties, "owner of %d milestone(s)" + notYet,
				"select count(*) from milestone where project_id = :p and owner_id = :u" + open, projectId, userId);
		count(duties, "approver named by %d milestone(s)" + notYet,
				"select count(*) from milestone where project_id = :p and criterion_approver_id = :u" + open, projectId,
				userId);
		if (!deactivated) {
			count(duties, "assignee of %d task(s)", """
					select count(*) from task_assignee a join task t on t.id = a.task_id
					where t.project_id = :p and a.user_id = :u""", projectId, userId);
		}
		count(duties, "acceptor of %d deliverable(s)" + (deactivated ? " not accepted yet" : ""),
				"select count(*) from deliverable where project_id = :p and acceptor_id = :u"
						+ (deactivated ? " and accepted_at is null" : ""),
				projectId, userId);
		return duties;
	}

	private void count(List<String> duties, String label, String sql, UUID projectId, UUID userId) {
		long n = jdbc.sql(sql).param("p", projectId).param("u", userId).query(Long.class).single();
		if (n > 0) {
			duties.add(label.contains("%d") ? String.format(label, n) : label);
		}
	}

}
