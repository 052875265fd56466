package dev.milepost.web;

import dev.milepost.plan.ProjectAccess;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live-update stream of a project's pages, for whoever may read the project (others: 404). */
@Controller
class ProjectEvents {

	private final ProjectAccess access;

	private final LiveUpdates live;

	ProjectEvents(ProjectAccess access, LiveUpdates live) {
		this.access = access;
		this.live = live;
	}

	@GetMapping("/projects/{key}/events")
	@ResponseBody
	SseEmitter events(@PathVariable String key) {
		return live.subscribe(access.read(key).projectKey());
	}

}
