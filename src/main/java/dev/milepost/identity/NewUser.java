package dev.milepost.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person to add to the workspace. */
public record NewUser(
		@NotBlank @Size(min = 2, max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
				message = "use lower-case letters, digits, '.', '_' or '-', starting with a letter or digit") String username,
		@NotBlank @Size(max = 200) String displayName,
		@Email @Size(max = 320) String email,
		@NotBlank @Size(min = 10, max = 200, message = "must be between 10 and 200 characters") String password,
		Boolean admin) {

	public boolean isAdmin() {
		return Boolean.TRUE.equals(admin);
	}

}
