package dev.milepost.plan.web;

import java.util.UUID;

import dev.milepost.common.ETags;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.task.TaskRequest;
import dev.milepost.plan.task.TaskState;
import dev.milepost.plan.task.TaskView;
import dev.milepost.plan.task.Tasks;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A project's tasks: the list with filters, and the forms to create and change them. The same
 * services, rules and refusals as the API; a refused form comes back with the reasons beside its
 * fields and nothing saved.
 */
@Controller
class TaskPages {

	private final ProjectAccess access;

	private final Tasks tasks;

	private final ProjectPageModel page;

	private final Validator validator;

	TaskPages(ProjectAccess access, Tasks tasks, ProjectPageModel page, Validator validator) {
		this.access = access;
		this.tasks = tasks;
		this.page = page;
		this.validator = validator;
	}

	@GetMapping("/projects/{key}/tasks")
	String list(@PathVariable String key, @RequestParam(required = false) String q,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String state,
			Model model) {
		ProjectContext context = access.read(key);
		TaskState chosen = java.util.Arrays.stream(TaskState.values())
			.filter(s -> s.name().equalsIgnoreCase(state == null ? "" : state.strip()))
			.findFirst()
			.orElse(null);
		page.add(model, context);
		model.addAttribute("tasks", tasks.list(context, blank(q), blank(assignee), chosen,
				Paging.of(0, Paging.MAX_SIZE)).items());
		model.addAttribute("members", page.members(context));
		model.addAttribute("states", TaskState.values());
		model.addAttribute("q", q);
		model.addAttribute("assignee", assignee);
		model.addAttribute("state", chosen);
		model.addAttribute("isMember", context.holds(ProjectRole.MEMBER));
		return "plan/tasks";
	}

	@GetMapping("/projects/{key}/tasks/new")
	String newTask(@PathVariable String key, Model model) {
		ProjectContext context = access.manage(key);
		return form(model, context, null, TaskForm.empty(), new FormErrors());
	}

	@PostMapping("/projects/{key}/tasks")
	String create(@PathVariable String key, @ModelAttribute TaskForm form, Model model, HttpServletResponse response) {
		ProjectContext context = access.manage(key);
		FormErrors errors = new FormErrors();
		TaskRequest request = valid(form.request(errors), errors);
		return errors.submit(() -> tasks.create(context, request), "/projects/" + key + "/tasks", response,
				() -> form(model, context, null, form, errors));
	}

	@GetMapping("/projects/{key}/tasks/{id}/edit")
	String edit(@PathVariable String key, @PathVariable UUID id, Model model) {
		ProjectContext context = access.read(key);
		tasks.requireMayEdit(context, id);
		Tasks.Versioned task = tasks.read(context, id);
		return form(model, context, task.task(), TaskForm.of(task.task(), task.version()), new FormErrors());
	}

	@PostMapping("/projects/{key}/tasks/{id}")
	String update(@PathVariable String key, @PathVariable UUID id, @ModelAttribute TaskForm form, Model model,
			HttpServletResponse response) {
		ProjectContext context = access.read(key);
		tasks.requireMayEdit(context, id);
		FormErrors errors = new FormErrors();
		TaskRequest request = valid(form.request(errors), errors);
		return errors.submit(
				() -> tasks.update(context, id, form.version() == null ? null : ETags.of(form.version()), request),
				"/projects/" + key + "/tasks", response,
				() -> form(model, context, tasks.read(context, id).task(), form, errors));
	}

	private TaskRequest valid(TaskRequest request, FormErrors errors) {
		errors.violations(validator.validate(request));
		return request;
	}

	private String form(Model model, ProjectContext context, TaskView task, TaskForm form, FormErrors errors) {
		page.add(model, context);
		model.addAttribute("task", task);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors.byField());
		model.addAttribute("message", errors.message());
		model.addAttribute("members", page.members(context));
		// a member reports progress on their own task; everything else stays as the manager planned it
		model.addAttribute("progressOnly", !context.canManage() && context.holds(ProjectRole.MEMBER));
		return "plan/task-form";
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
