package dev.milepost.plan.web;

import java.util.Arrays;

import dev.milepost.common.ETags;
import dev.milepost.common.PageForm;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.member.MemberRemoval;
import dev.milepost.plan.member.Members;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's members: everyone in the project reads the list; managers and administrators add
 * people with a role, change roles and remove them, under the same rules as the API (a project
 * keeps a manager; someone who still answers for work is not removed).
 */
@Controller
class MemberPages {

	private final ProjectAccess access;

	private final Members members;

	private final MemberRemoval removal;

	private final ProjectPageModel page;

	private final Validator validator;

	MemberPages(ProjectAccess access, Members members, MemberRemoval removal, ProjectPageModel page,
			Validator validator) {
		this.access = access;
		this.members = members;
		this.removal = removal;
		this.page = page;
		this.validator = validator;
	}

	@GetMapping("/projects/{key}/members")
	String list(@PathVariable String key, Model model) {
		return page(model, access.read(key), "", "", new PageForm());
	}

	@PostMapping("/projects/{key}/members")
	String add(@PathVariable String key, @RequestParam(required = false) String username,
			@RequestParam(required = false) String role, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ProjectContext context = access.manage(key);
		PageForm errors = new PageForm();
		Members.MemberRequest request = new Members.MemberRequest(PageForm.blankToNull(username), role(role));
		errors.violations(validator.validate(request));
		return errors.submit(() -> members.add(context, request), () -> {
			redirect.addFlashAttribute("saved", "Added " + request.username() + " as "
					+ request.role().name().toLowerCase(java.util.Locale.ROOT) + ".");
			return "redirect:/projects/" + key + "/members";
		}, response, () -> page(model, context, username, role, errors));
	}

	@PostMapping("/projects/{key}/members/{username}/role")
	String changeRole(@PathVariable String key, @PathVariable String username,
			@RequestParam(required = false) String role, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ProjectContext context = access.manage(key);
		Members.Versioned current = members.read(context, username);
		ProjectRole chosen = role(role);
		PageForm errors = new PageForm(field -> "change");
		if (chosen == null) {
			errors.add("role", "choose a role");
		}
		return errors.submit(() -> members.changeRole(context, username, ETags.of(current.version()), chosen), () -> {
			redirect.addFlashAttribute("saved", username + " is now " + chosen.name().toLowerCase(java.util.Locale.ROOT) + ".");
			return "redirect:/projects/" + key + "/members";
		}, response, () -> page(model, context, "", "", errors));
	}

	@PostMapping("/projects/{key}/members/{username}/removal")
	String remove(@PathVariable String key, @PathVariable String username, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ProjectContext context = access.manage(key);
		PageForm errors = new PageForm(field -> "change");
		return errors.submit(() -> removal.remove(context, username), () -> {
			redirect.addFlashAttribute("saved", "Removed " + username + " from the project.");
			return "redirect:/projects/" + key + "/members";
		}, response, () -> page(model, context, "", "", errors));
	}

	private String page(Model model, ProjectContext context, String username, String role, PageForm errors) {
		page.add(model, context);
		model.addAttribute("members", members.list(context, null, null, Paging.of(0, Paging.MAX_SIZE)).items());
		model.addAttribute("roles", ProjectRole.values());
		model.addAttribute("username", username);
		model.addAttribute("role", role);
		errors.addTo(model);
		return "plan/members";
	}

	private static ProjectRole role(String name) {
		return Arrays.stream(ProjectRole.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
	}

}
