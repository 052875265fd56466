package dev.milepost.identity.internal;

import java.security.SecureRandom;

import dev.milepost.identity.CurrentUsers;
import dev.milepost.identity.NewUser;
import dev.milepost.identity.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On the first start with nobody in the workspace, creates the {@code admin} account, with the
 * password from {@code MILEPOST_ADMIN_PASSWORD} or a generated one printed once in the log.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Users users;

	private final String configuredPassword;

	AdminBootstrap(Users users, @Value("${milepost.admin.password:}") String configuredPassword) {
		this.users = users;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.anyExist()) {
			return;
		}
		boolean generated = configuredPassword == null || configuredPassword.isBlank();
		String password = generated ? generate() : configuredPassword;
		try {
			users.create(new NewUser("admin", "Workspace administrator", null, password, true), CurrentUsers.SYSTEM);
		}
		catch (DataIntegrityViolationException | dev.milepost.common.ConflictException raced) {
			log.info("Another instance created the admin account first");
			return;
		}
		if (generated) {
			log.warn("Created the workspace administrator 'admin' with the generated password: {}  "
					+ "(shown only this once; set MILEPOST_ADMIN_PASSWORD to choose it)", password);
		}
		else {
			log.info("Created the workspace administrator 'admin' with the password from MILEPOST_ADMIN_PASSWORD");
		}
	}

	private static String generate() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
