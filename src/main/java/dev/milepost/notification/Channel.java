package dev.milepost.notification;

/** Where a notification goes. */
public enum Channel {

	/** The person's inbox in Milepost. */
	IN_APP,
	/** The person's e-mail address, through the configured SMTP server. */
	EMAIL,
	/** A registered webhook endpoint of the project or the workspace. */
	WEBHOOK

}
