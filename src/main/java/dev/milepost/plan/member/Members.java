package dev.milepost.plan.member;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.ETags;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.RuleViolationException;
import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.support.PlanEvents;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who belongs to a project and in which role. */
@Service
public class Members {

	private final MemberRepository members;

	private final Users users;

	private final PlanEvents events;

	Members(MemberRepository members, Users users, PlanEvents events) {
		this.members = members;
		this.users = users;
		this.events = events;
	}

	public record MemberRequest(@NotBlank @Size(max = 64) String username, @NotNull ProjectRole role) {
	}

	public record MemberView(String username, String displayName, ProjectRole role) {
	}

	public record Versioned(MemberView member, long version) {
	}

	public PageResponse<MemberView> list(ProjectContext context, ProjectRole role, String query, Paging paging) {
		List<Member> all = members.findByProjectId(context.projectId());
		Map<UUID, UserSummary> people = users.findAllById(all.stream().map(Member::userId).toList());
		String q = query == null ? null : query.toLowerCase(Locale.ROOT);
		List<MemberView> views = all.stream()
			.filter(member -> role == null || member.role() == role)
			.map(member -> view(member, people.get(member.userId())))
			.filter(view -> q == null || view.username().contains(q)
					|| view.displayName().toLowerCase(Locale.ROOT).contains(q))
			.sorted(Comparator.comparing(MemberView::role).thenComparing(MemberView::username))
			.toList();
		return PageResponse.of(paging.slice(views), paging, views.size());
	}

	public Versioned read(ProjectContext context, String username) {
		Member member = load(context, username);
		return new Versioned(view(member, users.findById(member.userId()).orElseThrow()), member.version());
	}

	@Transactional
	public Versioned add(ProjectContext context, MemberRequest request) {
		UserSummary user = users.require("username", request.username());
		if (members.findByProjectIdAndUserId(context.projectId(), user.id()).isPresent()) {
			throw new ConflictException("username", request.username() + " is already a member of "
					+ context.projectKey() + "; change their role instead.");
		}
		Member member = members.save(Member.of(context.projectId(), user.id(), request.role()));
		MemberView view = view(member, user);
		events.created(context, "member", user.username(), view);
		return new Versioned(view, member.version());
	}

	/** Adds someone as part of creating a project; no checks beyond the database's. */
	@Transactional
	public void enrol(ProjectContext context, UUID userId, ProjectRole role) {
		if (members.findByProjectIdAndUserId(context.projectId(), userId).isEmpty()) {
			Member member = members.save(Member.of(context.projectId(), userId, role));
			events.created(context, "member", users.findById(userId).orElseThrow().username(),
					view(member, users.findById(userId).orElseThrow()));
		}
	}

	@Transactional
	public Versioned changeRole(ProjectContext context, String username, String ifMatch, ProjectRole role) {
		Member member = load(context, username);
		member.expectVersion(ETags.requireCurrent(ifMatch, member.version()));
		UserSummary user = users.findById(member.userId()).orElseThrow();
		MemberView before = view(member, user);
		if (member.role() == ProjectRole.MANAGER && role != ProjectRole.MANAGER) {
			requireAnotherManager(context);
		}
		member.changeRole(role);
		member = members.save(member);
		MemberView after = view(member, user);
		events.updated(context, "member", username, before, after);
		return new Versioned(after, member.version());
	}

	void requireAnotherManager(ProjectContext context) {
		if (members.countByProjectIdAndRole(context.projectId(), ProjectRole.MANAGER) <= 1) {
			throw new RuleViolationException("role",
					"A project needs at least one manager; make someone else manager first.");
		}
	}

	Member load(ProjectContext context, String username) {
		return users.findByUsername(username)
			.flatMap(user -> members.findByProjectIdAndUserId(context.projectId(), user.id()))
			.orElseThrow(() -> NotFoundException.of("member", username));
	}

	static MemberView view(Member member, UserSummary user) {
		return new MemberView(user.username(), user.displayName(), member.role());
	}

}
