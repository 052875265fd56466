package dev.milepost.automation.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A channel an action can send on. */
public enum NotifyChannel {

	IN_APP("in-app"), EMAIL("email"), WEBHOOK("webhook");

	private final String yaml;

	NotifyChannel(String yaml) {
		this.yaml = yaml;
	}

	public String yaml() {
		return yaml;
	}

	public static Optional<NotifyChannel> of(String yaml) {
		return Arrays.stream(values()).filter(c -> c.yaml.equals(yaml)).findFirst();
	}

	public static List<String> names() {
		return Arrays.stream(values()).map(NotifyChannel::yaml).toList();
	}

}
