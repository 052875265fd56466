package dev.milepost.notification.outbox;

import dev.milepost.notification.Channel;

/** Delivers one claimed delivery to the outside world (an SMTP server, a webhook receiver). */
public interface ChannelSender {

	Channel channel();

	/** Whether this instance can deliver on the channel (e-mail: only when SMTP is configured). */
	default boolean available() {
		return true;
	}

	/** Delivers, or throws; returns the receiver's HTTP status where there is one. */
	Integer send(Claimed delivery) throws DeliveryFailure;

	/** Called once a delivery will no longer be retried (its retries ran out, or it was refused for good). */
	default void gaveUp(Claimed delivery, DeliveryFailure failure) {
	}

}
