package dev.milepost.notification.outbox;

/**
 * An attempt to deliver failed. A permanent failure (the receiver said 410 Gone) is not retried.
 */
public class DeliveryFailure extends Exception {

	private final Integer status;

	private final boolean permanent;

	public DeliveryFailure(String message, Integer status, boolean permanent) {
		super(message);
		this.status = status;
		this.permanent = permanent;
	}

	public static DeliveryFailure retryable(String message, Integer status) {
		return new DeliveryFailure(message, status, false);
	}

	public Integer status() {
		return status;
	}

	public boolean permanent() {
		return permanent;
	}

}
