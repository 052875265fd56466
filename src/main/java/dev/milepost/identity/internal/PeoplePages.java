package dev.milepost.identity.internal;

import dev.milepost.common.ETags;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.PageForm;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.identity.NewUser;
import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
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
 * The workspace's people, for administrators only (others get the 403 page): search, add a person
 * with an initial password, deactivate and reactivate, grant and withdraw administrator rights.
 * The same {@link Users} service and rules as {@code /api/v1/users} (nobody demotes or deactivates
 * themselves).
 */
@Controller
class PeoplePages {

	static final int PAGE_SIZE = 50;

	private final Users users;

	private final CurrentUsers currentUsers;

	private final Validator validator;

	PeoplePages(Users users, CurrentUsers currentUsers, Validator validator) {
		this.users = users;
		this.currentUsers = currentUsers;
		this.validator = validator;
	}

	/** The add-a-person form as typed. */
	record PersonForm(String username, String displayName, String email, String password, String admin) {

		static PersonForm empty() {
			return new PersonForm("", "", "", "", null);
		}

		boolean isAdmin() {
			return "on".equals(admin) || "true".equals(admin);
		}

		NewUser request() {
			return new NewUser(PageForm.blankToNull(username), PageForm.blankToNull(displayName),
					PageForm.blankToNull(email), password, isAdmin());
		}

	}

	@GetMapping("/admin/people")
	String people(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			Model model) {
		return page(model, q, page, PersonForm.empty(), new PageForm());
	}

	@PostMapping("/admin/people")
	String create(PersonForm person, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		CurrentUser admin = requireAdmin();
		PageForm form = new PageForm();
		NewUser request = person.request();
		form.violations(validator.validate(request));
		return form.submit(() -> users.create(request, admin.username()), () -> {
			redirect.addFlashAttribute("saved", "Added " + request.username() + ".");
			return "redirect:/admin/people?q=" + request.username();
		}, response, () -> page(model, null, null, person, form));
	}

	/** Deactivate, reactivate, make or unmake administrator: one change to one person. */
	@PostMapping("/admin/people/{username}")
	String change(@PathVariable String username, @RequestParam String change, RedirectAttributes redirect) {
		CurrentUser admin = requireAdmin();
		Users.UserChanges current = users.changesOf(username);
		String ifMatch = ETags.of(users.versionOf(username));
		String done = switch (change) {
			case "deactivate" -> {
				users.deactivate(username, admin);
				yield username + " is deactivated and can no longer sign in.";
			}
			case "reactivate" -> {
				users.update(username, ifMatch, new Users.UserChanges(current.displayName(), current.email(),
						current.admin(), true, null), admin);
				yield username + " is active again.";
			}
			case "make-admin", "remove-admin" -> {
				boolean makeAdmin = change.equals("make-admin");
				users.update(username, ifMatch, new Users.UserChanges(current.displayName(), current.email(),
						makeAdmin, current.enabled(), null), admin);
				yield makeAdmin ? username + " is now a workspace administrator."
						: username + " is no longer a workspace administrator.";
			}
			default -> throw new dev.milepost.common.BadRequestException("change",
					"Choose deactivate, reactivate, make-admin or remove-admin.");
		};
		redirect.addFlashAttribute("saved", done);
		return "redirect:/admin/people?q=" + username;
	}

	private String page(Model model, String q, Integer page, PersonForm person, PageForm form) {
		CurrentUser me = requireAdmin();
		PageResponse<UserSummary> people = users.list(PageForm.blankToNull(q), Paging.of(page, PAGE_SIZE));
		model.addAttribute("me", me);
		model.addAttribute("people", people);
		model.addAttribute("q", q);
		model.addAttribute("person", person);
		form.addTo(model);
		return "identity/people";
	}

	private CurrentUser requireAdmin() {
		CurrentUser me = currentUsers.require();
		if (!me.admin()) {
			throw new ForbiddenException("Only workspace administrators manage people.");
		}
		return me;
	}

}
