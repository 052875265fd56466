package dev.milepost.notification.outbox;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import dev.milepost.common.DueWork;
import dev.milepost.notification.Channel;
import dev.milepost.notification.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One round of delivery: claims the due in-app deliveries and delivers them in one transaction,
 * then claims the due e-mails and webhook calls this instance can make and makes them one by one,
 * recording each outcome, scheduling retries with exponential backoff and turning a delivery whose
 * retries ran out into an incident. Rounds on one instance take turns, so {@link #runDue()} returns
 * only once any round the background loop had started has finished.
 */
@Component
public class Dispatcher implements DueWork {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	/** External calls are slow: a round claims few of them, so its lease covers them all. */
	private static final int EXTERNAL_BATCH = 10;

	private final Deliveries deliveries;

	private final Inbox inbox;

	private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

	private final NotificationSettings settings;

	private final Backoff backoff;

	private final Clock clock;

	private final String instance;

	private final ReentrantLock rounds = new ReentrantLock();

	Dispatcher(Deliveries deliveries, Inbox inbox, List<ChannelSender> senders, NotificationSettings settings,
			Clock clock) {
		this.deliveries = deliveries;
		this.inbox = inbox;
		senders.forEach(sender -> this.senders.put(sender.channel(), sender));
		this.settings = settings;
		this.backoff = settings.backoff();
		this.clock = clock;
		this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The name this dispatcher records on what it delivered. */
	public String instance() {
		return instance;
	}

	/** Delivers what is due now; returns how many deliveries it handled. */
	public int runOnce() {
		rounds.lock();
		try {
			return round();
		}
		finally {
			rounds.unlock();
		}
	}

	private int round() {
		int handled = 0;
		List<Claimed> local = deliveries.claim(Set.of(Channel.IN_APP), settings.batchSize(), settings.lease());
		if (!local.isEmpty()) {
			handled += inbox.deliver(local, instance);
		}
		Set<Channel> external = EnumSet.noneOf(Channel.class);
		senders.values().stream().filter(ChannelSender::available).forEach(sender -> external.add(sender.channel()));
		for (Claimed delivery : deliveries.claim(external, EXTERNAL_BATCH, settings.lease())) {
			deliver(delivery);
			handled++;
		}
		return handled;
	}

	/** Delivers until nothing is due now, after any round in progress; see {@link DueWork}. */
	@Override
	public int runDue() {
		return drain();
	}

	/** Runs rounds until nothing is due (or a round limit is reached); returns the deliveries handled. */
	public int drain() {
		int total = 0;
		for (int round = 0; round < 1000; round++) {
			int handled = runOnce();
			total += handled;
			if (handled == 0) {
				break;
			}
		}
		return total;
	}

	private void deliver(Claimed delivery) {
		ChannelSender sender = senders.get(delivery.channel());
		try {
			Integer status = sender.send(delivery);
			deliveries.delivered(delivery, status, instance);
		}
		catch (DeliveryFailure failure) {
			failed(sender, delivery, failure);
		}
		catch (RuntimeException e) {
			log.warn("Delivery {} ({}) failed unexpectedly", delivery.id(), delivery.channel(), e);
			failed(sender, delivery, DeliveryFailure.retryable("Unexpected error: " + e, null));
		}
	}

	private void failed(ChannelSender sender, Claimed delivery, DeliveryFailure failure) {
		Instant now = clock.instant();
		Optional<Instant> next = failure.permanent() ? Optional.empty()
				: backoff.next(delivery.attempts(), delivery.retryFrom(), now);
		if (next.isPresent()) {
			log.info("Delivery {} ({}, attempt {}) failed: {}; next attempt at {}", delivery.id(), delivery.channel(),
					delivery.attempts(), failure.getMessage(), next.get());
			deliveries.retryAt(delivery, failure, next.get());
			return;
		}
		log.warn("Delivery {} ({}) gave up after {} attempts: {}", delivery.id(), delivery.channel(),
				delivery.attempts(), failure.getMessage());
		if (deliveries.failed(delivery, failure)) {
			sender.gaveUp(delivery, failure);
		}
	}

}
