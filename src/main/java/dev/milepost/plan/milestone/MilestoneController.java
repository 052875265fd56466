package dev.milepost.plan.milestone;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.ETags;
import dev.milepost.common.MergePatch;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.SupportedDate;
import dev.milepost.plan.MilestoneAchievement;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.WorkItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/projects/{key}/milestones")
class MilestoneController {

	private final Milestones milestones;

	private final ProjectAccess access;

	private final MergePatch mergePatch;

	MilestoneController(Milestones milestones, ProjectAccess access, MergePatch mergePatch) {
		this.milestones = milestones;
		this.access = access;
		this.mergePatch = mergePatch;
	}

	/**
	 * What the person achieving a milestone says: the approval comment or the evidence, and
	 * whether they saw the work upstream that is still open ({@code GET …/achievement} lists it);
	 * {@code achievedOn}, the day it happened when that was before today (the owner or a manager
	 * only, not after today nor before the project's start; the record marks it back-dated).
	 */
	record AchievementRequest(@Size(max = 4000) String evidence, Boolean acknowledgeOpenWork,
			@SupportedDate LocalDate achievedOn) {
	}

	/**
	 * Whether the caller may achieve the milestone now and, if not, why; the open work upstream
	 * they would have to acknowledge; whether they may give an earlier {@code achievedOn}.
	 */
	record AchievementCheck(boolean allowed, String reason, boolean acknowledgementNeeded, List<WorkItem> openWork,
			boolean mayBackDate) {

		static AchievementCheck of(MilestoneAchievement.Answer answer, MilestoneAchievement.Answer backDating) {
			if (answer instanceof MilestoneAchievement.Allowed allowed) {
				return new AchievementCheck(true, null, allowed.acknowledgementNeeded(), allowed.openWork(),
						backDating.allowed());
			}
			return new AchievementCheck(false, answer.reason(), false, List.of(), false);
		}

	}

	@GetMapping
	PageResponse<MilestoneView> list(@PathVariable String key, @RequestParam(required = false) String q,
			@RequestParam(required = false) String owner, @RequestParam(required = false) Boolean achieved,
			@RequestParam(required = false) String tag, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return milestones.list(access.read(key), q, owner, achieved, tag, Paging.of(page, size));
	}

	@PostMapping
	ResponseEntity<MilestoneView> create(@PathVariable String key, @Valid @RequestBody MilestoneRequest request) {
		Milestones.Versioned created = milestones.create(access.manage(key), request);
		return ResponseEntity
			.created(URI.create("/api/v1/projects/" + key + "/milestones/" + created.milestone().id()))
			.eTag(ETags.of(created.version()))
			.body(created.milestone());
	}

	@GetMapping("/{id}")
	ResponseEntity<MilestoneView> read(@PathVariable String key, @PathVariable UUID id) {
		Milestones.Versioned found = milestones.read(access.read(key), id);
		return ResponseEntity.ok().eTag(ETags.of(found.version())).body(found.milestone());
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<MilestoneView> update(@PathVariable String key, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode patch) {
		ProjectContext context = access.manage(key);
		MilestoneRequest changed = mergePatch.apply(milestones.requestOf(context, id), patch, MilestoneRequest.class);
		Milestones.Versioned updated = milestones.update(context, id, ifMatch, changed);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated.milestone());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String key, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean removeLinks) {
		milestones.delete(access.manage(key), id, removeLinks);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/achievement")
	AchievementCheck achievement(@PathVariable String key, @PathVariable UUID id) {
		ProjectContext context = access.read(key);
		return AchievementCheck.of(milestones.achievement(context, id), milestones.backDating(context, id));
	}

	@PostMapping("/{id}/achievement")
	ResponseEntity<MilestoneView> achieve(@PathVariable String key, @PathVariable UUID id,
			@Valid @RequestBody(required = false) AchievementRequest request) {
		Milestones.Versioned achieved = milestones.achieve(access.read(key), id,
				request == null ? null : request.evidence(),
				request != null && Boolean.TRUE.equals(request.acknowledgeOpenWork()),
				request == null ? null : request.achievedOn());
		return ResponseEntity.ok().eTag(ETags.of(achieved.version())).body(achieved.milestone());
	}

}
