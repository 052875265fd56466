package dev.milepost.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.milepost.common.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two doors: the API ({@code /api/**}) is stateless and takes personal API tokens
 * ({@code Authorization: Bearer}) or, unless switched off, HTTP Basic; the pages use form sign-in
 * with a session. Both answer refusals as problem+json or a sign-in redirect respectively.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt at cost 10 for new hashes; the {id} prefix leaves room to move to Argon2id later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Password sign-in that pays bcrypt once per person and password for a few minutes rather than
	 * on every HTTP Basic request (see {@link VerifiedCredentials}).
	 */
	@Bean
	RememberingPasswordAuthentication passwordAuthentication(UserAccounts people, PasswordEncoder passwords,
			Clock clock, @Value("${milepost.api.basic-cache.size:10000}") int size,
			@Value("${milepost.api.basic-cache.ttl:5m}") Duration ttl) {
		return new RememberingPasswordAuthentication(people, passwords, new VerifiedCredentials(size, ttl, clock));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Problems problems,
			@Value("${milepost.api.basic-auth:true}") boolean basicAuth) throws Exception {
		AuthenticationEntryPoint entryPoint = (request, response, e) -> {
			response.setHeader("WWW-Authenticate", basicAuth ? "Bearer, Basic realm=\"Milepost\"" : "Bearer");
			problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "Sign-in required",
					"Send a personal API token as 'Authorization: Bearer <token>'"
							+ (basicAuth ? " or your username and password with HTTP Basic." : "."),
					List.of()));
		};
		AccessDeniedHandler denied = (request, response, e) -> problems.write(response,
				Problems.of(HttpStatus.FORBIDDEN, "Not allowed", "You are not allowed to do this.", List.of()));
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied));
		if (basicAuth) {
			http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
		}
		else {
			http.httpBasic(basic -> basic.disable());
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/signin", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			// calendar feeds: the secret in the address is the credential (calendar apps cannot sign in)
			.requestMatchers("/calendar/*.ics")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/signin").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedout"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
								+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** Authenticates {@code Authorization: Bearer mp_...}; an unknown or revoked token is a 401 at once. */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private final ApiTokens tokens;

		private final AuthenticationEntryPoint entryPoint;

		BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
			this.tokens = tokens;
			this.entryPoint = entryPoint;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				chain.doFilter(request, response);
				return;
			}
			var principal = tokens.authenticate(header.substring(7).trim());
			if (principal.isEmpty()) {
				entryPoint.commence(request, response,
						new org.springframework.security.authentication.BadCredentialsException("Unknown token"));
				return;
			}
			var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
					principal.get().getAuthorities());
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

	}

}
