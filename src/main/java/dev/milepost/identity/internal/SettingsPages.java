package dev.milepost.identity.internal;

import java.util.UUID;

import dev.milepost.common.PageForm;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
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
 * The person's own settings: their password and their personal API tokens, under the same rules
 * and services as {@code /api/v1/me}. A new token's secret is shown once, on the page after it is
 * made, and never again. Notification preferences are the notification module's page beside it.
 */
@Controller
class SettingsPages {

	private final CurrentUsers currentUsers;

	private final Users users;

	private final ApiTokens tokens;

	private final Validator validator;

	SettingsPages(CurrentUsers currentUsers, Users users, ApiTokens tokens, Validator validator) {
		this.currentUsers = currentUsers;
		this.users = users;
		this.tokens = tokens;
		this.validator = validator;
	}

	@GetMapping("/settings")
	String settings(Model model) {
		return page(model, new PageForm(), new PageForm());
	}

	@PostMapping("/settings/password")
	String changePassword(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String repeatPassword,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		CurrentUser me = currentUsers.require();
		PageForm form = new PageForm();
		MeController.PasswordChange change = new MeController.PasswordChange(currentPassword, newPassword);
		form.violations(validator.validate(change));
		if (newPassword != null && !newPassword.equals(repeatPassword)) {
			form.add("repeatPassword", "does not match the new password");
		}
		return form.submit(() -> users.changeOwnPassword(me, currentPassword, newPassword), () -> {
			redirect.addFlashAttribute("saved", "Your password is changed.");
			return "redirect:/settings";
		}, response, () -> page(model, form, new PageForm()));
	}

	@PostMapping("/settings/tokens")
	String issue(@RequestParam(required = false) String name, @RequestParam(required = false) String expiresInDays,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		CurrentUser me = currentUsers.require();
		PageForm form = new PageForm();
		Integer days = null;
		if (expiresInDays != null && !expiresInDays.isBlank()) {
			try {
				days = Integer.valueOf(expiresInDays.strip());
			}
			catch (NumberFormatException e) {
				form.add("expiresInDays", "must be a whole number of days");
			}
		}
		MeController.TokenRequest request = new MeController.TokenRequest(name == null ? null : name.strip(), days);
		form.violations(validator.validate(request));
		return form.submit(() -> {
			ApiTokens.IssuedToken issued = tokens.issue(me.id(), me.username(), request.name(),
					request.expiresInDays());
			// flash: on the next page only, so the secret is shown once and a reload does not show it again
			redirect.addFlashAttribute("issuedName", issued.token().name());
			redirect.addFlashAttribute("issuedSecret", issued.secret());
		}, () -> "redirect:/settings", response, () -> page(model, new PageForm(), form));
	}

	@PostMapping("/settings/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		CurrentUser me = currentUsers.require();
		tokens.revoke(me.id(), me.username(), id);
		redirect.addFlashAttribute("saved", "The token is revoked; it no longer signs anyone in.");
		return "redirect:/settings";
	}

	private String page(Model model, PageForm password, PageForm token) {
		CurrentUser me = currentUsers.require();
		model.addAttribute("me", me);
		model.addAttribute("account", users.findById(me.id()).orElseThrow());
		model.addAttribute("tokens", tokens.of(me.id()));
		model.addAttribute("passwordErrors", password.byField());
		model.addAttribute("passwordMessage", password.message());
		model.addAttribute("tokenErrors", token.byField());
		model.addAttribute("tokenMessage", token.message());
		return "identity/settings";
	}

}
