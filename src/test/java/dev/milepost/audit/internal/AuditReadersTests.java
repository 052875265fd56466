package dev.milepost.audit.internal;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import dev.milepost.audit.AuditScopeAccess;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.NotFoundException;
import dev.milepost.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class AuditReadersTests {

	private static final CurrentUser ADMIN = new CurrentUser(UUID.randomUUID(), "root", "Root", true);

	private static final CurrentUser MEMBER = new CurrentUser(UUID.randomUUID(), "ana", "Ana", false);

	private static AuditReaders without() {
		return new AuditReaders(new StaticListableBeanFactory().getBeanProvider(AuditScopeAccess.class));
	}

	private static AuditReaders with(AuditScopeAccess access) {
		return new AuditReaders(
				new StaticListableBeanFactory(Map.of("access", access)).getBeanProvider(AuditScopeAccess.class));
	}

	@Test
	void beforeAnyoneTellsProjectMembersOnlyAdministratorsReadAProjectsRecord() {
		assertThatNoException().isThrownBy(() -> without().requireProjectReadable("ACME", ADMIN));
		assertThatThrownBy(() -> without().requireProjectReadable("ACME", MEMBER))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void theProjectAccessDecidesOnceItExists() {
		AuditScopeAccess access = key -> {
			if (!key.equals("ACME")) {
				throw NotFoundException.of("project", key);
			}
		};
		assertThatNoException().isThrownBy(() -> with(access).requireProjectReadable("ACME", MEMBER));
		assertThatThrownBy(() -> with(access).requireProjectReadable("OTHER", ADMIN))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theWorkspaceRecordIsNoProjectsRecord() {
		assertThatThrownBy(() -> with(key -> {
		}).requireProjectReadable("workspace", ADMIN)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void onlyAdministratorsPassTheAdministratorCheck() {
		assertThatNoException().isThrownBy(() -> without().requireAdmin(ADMIN, "no"));
		assertThatThrownBy(() -> without().requireAdmin(MEMBER, "no")).isInstanceOf(ForbiddenException.class)
			.hasMessage("no");
	}

}
