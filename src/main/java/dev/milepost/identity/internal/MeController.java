package dev.milepost.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: who am I, my password, my API tokens. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

	private final CurrentUsers currentUsers;

	private final Users users;

	private final ApiTokens tokens;

	MeController(CurrentUsers currentUsers, Users users, ApiTokens tokens) {
		this.currentUsers = currentUsers;
		this.users = users;
		this.tokens = tokens;
	}

	record PasswordChange(@NotBlank String currentPassword,
			@NotBlank @Size(min = 10, max = 200, message = "must be between 10 and 200 characters") String newPassword) {
	}

	record TokenRequest(@NotBlank @Size(max = 100) String name,
			@Min(1) @Max(3650) Integer expiresInDays) {
	}

	record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt) {

		static TokenView of(ApiToken token) {
			return new TokenView(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
					token.lastUsedAt(), token.revokedAt());
		}

	}

	/** Returned once, on creation: the only time the secret is shown. */
	record IssuedTokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, String token) {
	}

	@GetMapping
	UserSummary me() {
		CurrentUser me = currentUsers.require();
		return users.findById(me.id()).orElseThrow();
	}

	@PostMapping("/password")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
		users.changeOwnPassword(currentUsers.require(), change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/tokens")
	List<TokenView> tokens() {
		return tokens.of(currentUsers.require().id()).stream().map(TokenView::of).toList();
	}

	@PostMapping("/tokens")
	ResponseEntity<IssuedTokenView> issue(@Valid @RequestBody TokenRequest request) {
		CurrentUser me = currentUsers.require();
		ApiTokens.IssuedToken issued = tokens.issue(me.id(), me.username(), request.name(), request.expiresInDays());
		ApiToken token = issued.token();
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id()))
			.body(new IssuedTokenView(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
					issued.secret()));
	}

	@DeleteMapping("/tokens/{id}")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		CurrentUser me = currentUsers.require();
		tokens.revoke(me.id(), me.username(), id);
		return ResponseEntity.noContent().build();
	}

}
