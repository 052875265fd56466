package dev.milepost.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AuditChainLinksTests {

	private static final Instant AT = Instant.parse("2030-05-04T10:15:30Z");

	private static List<AuditEntry> chainOf(int length) {
		List<AuditEntry> chain = new ArrayList<>();
		ChainHead head = ChainHead.empty("ACME");
		for (int i = 0; i < length; i++) {
			AuditEntry entry = AuditEntry.next(head, UUID.randomUUID(), AT.plusSeconds(i), "ana", "task", "T-" + i,
					"created", "{}", "{}", "{}");
			chain.add(entry);
			head = new ChainHead("ACME", entry.seq(), entry.hash());
		}
		return chain;
	}

	private static Verification.Break walk(List<AuditEntry> entries, ChainHead head) {
		ChainLinks links = new ChainLinks("ACME");
		for (AuditEntry entry : entries) {
			Verification.Break broken = links.follow(entry);
			if (broken != null) {
				return broken;
			}
		}
		return links.endsAt(head);
	}

	private static ChainHead headOf(AuditEntry last) {
		return new ChainHead("ACME", last.seq(), last.hash());
	}

	@Test
	void anUntouchedChainHolds() {
		List<AuditEntry> chain = chainOf(3);
		assertThat(walk(chain, headOf(chain.get(2)))).isNull();
		assertThat(walk(List.of(), ChainHead.empty("ACME"))).isNull();
	}

	@Test
	void anEntryRewrittenWithAConsistentHashBreaksTheLinkFromTheNextOne() {
		List<AuditEntry> chain = new ArrayList<>(chainOf(3));
		AuditEntry second = chain.get(1);
		// what someone who knows the algorithm would do: alter the entry and hash it afresh
		AuditEntry forged = AuditEntry.next(new ChainHead("ACME", 1, second.prevHash()), second.id(),
				second.recordedAt(), "mallory", "task", second.entityId(), "created", "{}", "{}", "{}");
		chain.set(1, forged);
		Verification.Break broken = walk(chain, headOf(chain.get(2)));
		assertThat(broken.seq()).isEqualTo(3);
		assertThat(broken.entryId()).isEqualTo(chain.get(2).id());
		assertThat(broken.reason()).isEqualTo("link to the previous entry is broken");
	}

	@Test
	void aMissingFirstOrMiddleEntryIsAGap() {
		List<AuditEntry> chain = chainOf(3);
		assertThat(walk(List.of(chain.get(1), chain.get(2)), headOf(chain.get(2))).reason())
			.isEqualTo("entry missing (gap before seq 2)");
		assertThat(walk(List.of(chain.get(0), chain.get(2)), headOf(chain.get(2))).reason())
			.isEqualTo("entry missing (gap before seq 3)");
	}

	@Test
	void aHeadThatDisagreesWithTheLastEntryIsFound() {
		List<AuditEntry> chain = chainOf(3);
		Verification.Break truncated = walk(chain.subList(0, 2), headOf(chain.get(2)));
		assertThat(truncated.reason()).isEqualTo("chain head does not match the last entry");
		assertThat(truncated.seq()).isEqualTo(2);
		assertThat(walk(chain, null).reason()).isEqualTo("chain head does not match the last entry");
		assertThat(walk(List.of(), headOf(chain.get(2))).seq()).isNull();
	}

}
