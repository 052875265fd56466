package dev.milepost;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.milepost.approval.ApprovalDecided;
import dev.milepost.approval.ApprovalRequested;
import dev.milepost.schedule.MilestoneStatusChanged;
import dev.milepost.schedule.MilestoneStatusesRecomputed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test fixture: remembers the domain events published on any thread, for assertions. */
@Component
public class EventRecorder {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(MilestoneStatusChanged event) {
		events.add(event);
	}

	@EventListener
	void on(MilestoneStatusesRecomputed event) {
		events.add(event);
	}

	@EventListener
	void on(ApprovalRequested event) {
		events.add(event);
	}

	@EventListener
	void on(ApprovalDecided event) {
		events.add(event);
	}

	public <T> List<T> all(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
