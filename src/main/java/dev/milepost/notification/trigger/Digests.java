package dev.milepost.notification.trigger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.Rows;
import dev.milepost.notification.Channel;
import dev.milepost.notification.NotificationKind;
import dev.milepost.notification.outbox.Notice;
import dev.milepost.notification.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily e-mail digest: the e-mails held for each person who chose one are gathered into a
 * single e-mail, written to the outbox in the same transaction that marks them digested.
 */
@Component
public class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Digests(JdbcClient jdbc, Outbox outbox, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	private record Held(UUID id, String title, String body) {
	}

	/** Writes one digest per person with held e-mails; returns how many digests were written. */
	public int run() {
		List<UUID> recipients = jdbc.sql("""
				select distinct recipient_id from notification_delivery where status = 'HELD' and channel = 'EMAIL'""")
			.query(UUID.class)
			.list();
		int written = 0;
		for (UUID recipient : recipients) {
			try {
				Boolean done = transaction.execute(status -> digest(recipient));
				written += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException e) {
				// one person's digest must not hold back the others'; theirs stays held for the next run
				log.error("Could not write the e-mail digest of {}", recipient, e);
			}
		}
		if (written > 0) {
			log.info("Wrote {} e-mail digests", written);
		}
		return written;
	}

	private boolean digest(UUID recipient) {
		List<Held> held = jdbc.sql("""
				select d.id, e.title, e.body from notification_delivery d join notification_event e on e.id = d.event_id
				where d.recipient_id = :r and d.status = 'HELD' and d.channel = 'EMAIL'
				order by d.created_at, d.id""")
			.param("r", recipient)
			.query(Rows.of(Held.class))
			.list();
		if (held.isEmpty()) {
			return false;
		}
		int marked = jdbc.sql("update notification_delivery set status = 'DIGESTED' where id in (:ids) and status = 'HELD'")
			.param("ids", held.stream().map(Held::id).toList())
			.update();
		if (marked != held.size()) {
			// another instance is digesting the same e-mails: leave them to it
			throw new IllegalStateException("The held e-mails of " + recipient + " changed while digesting them");
		}
		StringBuilder text = new StringBuilder("What happened since your last digest:\n");
		held.forEach(each -> text.append("\n* ").append(each.title()).append('\n').append(each.body()).append('\n'));
		String title = "Your Milepost digest: " + held.size() + (held.size() == 1 ? " notification" : " notifications");
		return outbox.enqueueTo(new Notice("digest:" + recipient + ":" + held.get(0).id(), NotificationKind.DIGEST, null,
				null, null, null, title, text.toString(), java.util.Map.of("count", held.size()), clock.instant()),
				recipient, Channel.EMAIL);
	}

}
