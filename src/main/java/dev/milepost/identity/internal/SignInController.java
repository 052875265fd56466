package dev.milepost.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form post and sign-out. */
@Controller
class SignInController {

	@GetMapping("/signin")
	String signIn() {
		return "identity/signin";
	}

}
