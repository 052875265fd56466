package dev.milepost.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.TransactionScoped;
import dev.milepost.schedule.MilestoneStatusesRecomputed;
import dev.milepost.schedule.StatusRecomputation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells every open page of a project, over server-sent events, that something in the project
 * changed, once the change is committed; the pages then re-fetch what they show. Changes made
 * on other instances sharing the database arrive through {@link LiveChangeRelay}, read a few
 * times a second while this instance has open pages.
 */
@Component
class LiveUpdates implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

	/** The SSE event every page listens to; its data names what changed (e.g. {@code task}). */
	static final String EVENT = "changed";

	/** Pages reconnect on their own, so a connection need not live for ever. */
	static final Duration TIMEOUT = Duration.ofMinutes(30);

	/** A comment now and then keeps proxies from closing a quiet connection and finds dead ones. */
	static final Duration HEARTBEAT = Duration.ofSeconds(25);

	/** How often the changes of other instances are read while pages are open here. */
	static final Duration RELAY_INTERVAL = Duration.ofMillis(250);

	// what the transaction changed, per project: recorded for the other instances in it, sent once it commits
	private final TransactionScoped<Map<String, Set<String>>> pending = new TransactionScoped<>(LinkedHashMap::new,
			new TransactionScoped.Completion<>() {

				@Override
				public void beforeCommit(Map<String, Set<String>> changes, boolean readOnly) {
					if (!readOnly) {
						relay.record(changes.entrySet()
							.stream()
							.flatMap(project -> project.getValue().stream().map(each -> Map.entry(project.getKey(), each)))
							.toList());
					}
				}

				@Override
				public void afterCompletion(Map<String, Set<String>> changes, boolean committed) {
					if (committed) {
						changes.forEach((key, kinds) -> sender.execute(() -> send(key, List.copyOf(kinds))));
					}
				}

			});

	private final Map<String, Set<SseEmitter>> listeners = new ConcurrentHashMap<>();

	/** Sends happen here, so a slow page never holds up the request that made the change. */
	private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "live-updates");
		thread.setDaemon(true);
		return thread;
	});

	private final LiveChangeRelay relay;

	private volatile boolean running;

	LiveUpdates(LiveChangeRelay relay) {
		this.relay = relay;
		sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
		sender.scheduleWithFixedDelay(this::relayOthers, RELAY_INTERVAL.toMillis(), RELAY_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** A new connection for a page of the project; the caller has checked the person may read it. */
	SseEmitter subscribe(String projectKey) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Set<SseEmitter> open = listeners.computeIfAbsent(projectKey, key -> ConcurrentHashMap.newKeySet());
		open.add(emitter);
		Runnable forget = () -> open.remove(emitter);
		emitter.onCompletion(forget);
		emitter.onTimeout(forget);
		emitter.onError(error -> forget.run());
		try {
			emitter.send(SseEmitter.event().reconnectTime(2000).comment("connected"));
		}
		catch (IOException e) {
			forget.run();
		}
		return emitter;
	}

	int listening(String projectKey) {
		return listeners.getOrDefault(projectKey, Set.of()).size();
	}

	/**
	 * A change that calls for a status recompute is announced once that recompute is done (below),
	 * so a page re-fetches once and sees the statuses of the change; other changes at their commit.
	 */
	@EventListener
	void on(EntityChanged change) {
		if (!EntityChanged.WORKSPACE.equals(change.scope()) && !StatusRecomputation.follows(change)) {
			afterCommit(change.scope(), List.of(change.entityType()));
		}
	}

	@EventListener
	void on(MilestoneStatusesRecomputed recomputed) {
		List<String> what = new ArrayList<>(recomputed.changed());
		what.add("milestone-status");
		afterCommit(recomputed.projectKey(), what);
	}

	/** Pages hear of a change only once it is committed, and once per project per transaction. */
	private void afterCommit(String projectKey, List<String> what) {
		Map<String, Set<String>> pending = this.pending.current();
		if (pending == null) {
			relay.record(what.stream().map(each -> Map.entry(projectKey, each)).toList());
			sender.execute(() -> send(projectKey, what));
			return;
		}
		pending.computeIfAbsent(projectKey, key -> new LinkedHashSet<>()).addAll(what);
	}

	/** One event per project, however many kinds of thing changed: each kind is a line of its data. */
	private void send(String projectKey, List<String> what) {
		for (SseEmitter emitter : listeners.getOrDefault(projectKey, Set.of())) {
			try {
				SseEmitter.SseEventBuilder event = SseEmitter.event().name(EVENT);
				what.forEach(event::data);
				emitter.send(event);
			}
			catch (IOException | IllegalStateException e) {
				// the page went away; its connection is cleaned up by the completion callbacks
				listeners.getOrDefault(projectKey, Set.of()).remove(emitter);
			}
		}
	}

	/** Hands the changes other instances committed to the pages open here; never throws, or the schedule would end. */
	private void relayOthers() {
		if (!running || listeners.values().stream().allMatch(Set::isEmpty)) {
			return;
		}
		try {
			relay.poll(this::send);
		}
		catch (RuntimeException e) {
			log.warn("Could not read the other instances' changes: {}", e.toString());
		}
	}

	private void heartbeat() {
		listeners.forEach((key, open) -> open.forEach(emitter -> {
			try {
				emitter.send(SseEmitter.event().comment("still here"));
			}
			catch (IOException | IllegalStateException e) {
				open.remove(emitter);
			}
		}));
	}

	/** Ends open connections first, so a graceful shutdown does not wait for pages that never finish. */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		int count = listeners.values().stream().mapToInt(Set::size).sum();
		listeners.values().forEach(open -> open.forEach(SseEmitter::complete));
		listeners.clear();
		sender.shutdownNow();
		if (count > 0) {
			log.info("Closed {} live page connections", count);
		}
	}

}
