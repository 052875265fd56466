package dev.milepost.audit.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the audit chains in order and recomputes every hash from the stored columns, so an entry
 * altered, removed or re-linked in the database is found.
 */
@Service
class AuditVerifier {

	// keeps memory flat however long a chain grows
	static final int PAGE = 1000;

	private final AuditStore store;

	private final TransactionTemplate snapshot;

	AuditVerifier(AuditStore store, PlatformTransactionManager transactions) {
		this.store = store;
		// one snapshot per chain: entries appended while it is walked cannot disagree with its head
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/** Checks every chain, or only the one of {@code scope} when it is given. */
	Verification verify(String scope) {
		List<String> scopes = store.scopes().stream().filter(each -> scope == null || scope.equals(each)).toList();
		long entries = 0;
		Verification.Break firstBroken = null;
		for (String each : scopes) {
			ChainCheck check = snapshot.execute(status -> walk(each));
			entries += check.entries();
			if (firstBroken == null) {
				firstBroken = check.broken();
			}
		}
		return new Verification(firstBroken == null, scopes.size(), entries, firstBroken);
	}

	private ChainCheck walk(String scope) {
		ChainLinks links = new ChainLinks(scope);
		List<AuditEntry> page;
		do {
			page = store.entriesAfter(scope, links.lastSeq(), PAGE);
			for (AuditEntry entry : page) {
				Verification.Break broken = links.follow(entry);
				if (broken != null) {
					return new ChainCheck(links.checked(), broken);
				}
			}
		}
		while (page.size() == PAGE);
		return new ChainCheck(links.checked(), links.endsAt(store.head(scope).orElse(null)));
	}

	private record ChainCheck(long entries, Verification.Break broken) {
	}

}
