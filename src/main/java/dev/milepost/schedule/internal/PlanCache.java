package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.PlanVersions;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.ForecastMethod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each project's plan as last read and scheduled, kept in memory by its plan version
 * ({@link PlanVersions}): a reader asks for the stored version (one cheap read) and is served the
 * kept copy when it is that version, otherwise the plan is read and scheduled again and kept. Any
 * instance's change bumps the stored version, so every instance sees its copy is stale.
 *
 * <p>Bounded by size: the activities and links of the plans kept, at most
 * {@code milepost.schedule.plan-cache.max-activities} (0 keeps none); the least recently used
 * plan goes first. Measured under {@code milepost.plan.cache.*}: {@code size} (activities and links
 * kept), {@code projects}, {@code hits}, {@code misses} (read again: absent or stale),
 * {@code edits} (a stale plan brought up to date without reading it) and {@code evictions}.
 *
 * <p>A kept plan a few versions behind is brought up to date without reading it when this
 * instance saw every edit in between and each was a task update scheduling reads
 * ({@link PlanEdits}: durations, progress, planned starts, estimates): the edited tasks are put in
 * and the plan is computed again. Whatever else changed, or an edit made on another instance, and
 * the plan is read again.
 *
 * <p>Nothing is kept from a transaction that has itself changed a plan (what it reads is nobody's
 * committed version), nor when the version moved while the plan was being read. Reads run on the
 * caller's thread and transaction: one connection at a time.
 */
@Component
class PlanCache {

	/** A kept plan: as read at {@code version}, and its last computation. */
	private record Entry(long version, ProjectPlan plan, Schedules.Computed computed, long weight) {
	}

	private final PlanQueries plans;

	private final PlanVersions versions;

	private final PlanEdits edits;

	private final long maxActivities;

	// in access order: the eldest is the least recently used
	private final LinkedHashMap<UUID, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

	private long weight;

	private final Counter hits;

	private final Counter misses;

	private final Counter evictions;

	private final Counter edited;

	PlanCache(PlanQueries plans, PlanVersions versions, PlanEdits edits, MeterRegistry meters,
			@Value("${milepost.schedule.plan-cache.max-activities:200000}") long maxActivities) {
		if (maxActivities < 0) {
			throw new IllegalArgumentException("milepost.schedule.plan-cache.max-activities cannot be negative");
		}
		this.plans = plans;
		this.versions = versions;
		this.edits = edits;
		this.maxActivities = maxActivities;
		this.hits = Counter.builder("milepost.plan.cache.hits")
			.description("Plans served from memory at their stored version")
			.register(meters);
		this.misses = Counter.builder("milepost.plan.cache.misses")
			.description("Plans read and scheduled again: not in memory, or stale")
			.register(meters);
		this.evictions = Counter.builder("milepost.plan.cache.evictions")
			.description("Plans dropped to stay within the size bound")
			.register(meters);
		this.edited = Counter.builder("milepost.plan.cache.edits")
			.description("Stale plans brought up to date from this instance's task edits, without reading them")
			.register(meters);
		Gauge.builder("milepost.plan.cache.size", this, PlanCache::size)
			.description("Activities and links of the plans kept in memory")
			.register(meters);
		Gauge.builder("milepost.plan.cache.projects", this, PlanCache::projects)
			.description("Projects whose plan is kept in memory")
			.register(meters);
	}

	/**
	 * The project's plan, computed by {@code compile} as of {@code statusDate} with {@code method}:
	 * the kept computation when the kept plan is the stored version and was computed for the same
	 * date and method, the kept plan computed again when only they differ, otherwise the plan read
	 * and computed afresh.
	 */
	Schedules.Computed computed(UUID projectId, LocalDate statusDate, ForecastMethod method,
			Function<ProjectPlan, Schedules.Computed> compile) {
		if (versions.changedInThisTransaction()) {
			misses.increment();
			return compile.apply(plans.plan(projectId));
		}
		long version = versions.version(projectId);
		Entry kept;
		synchronized (this) {
			kept = entries.get(projectId);
		}
		if (kept != null && kept.version() == version) {
			hits.increment();
			Schedules.Computed computed = kept.computed();
			if (computed.statusDate().equals(statusDate) && computed.method() == method) {
				return computed;
			}
			Schedules.Computed again = compile.apply(kept.plan());
			keep(projectId, new Entry(version, kept.plan(), again, kept.weight()));
			return again;
		}
		if (kept != null && kept.version() < version) {
			List<PlanEdits.Edit> chain = edits.between(projectId, kept.version(), version);
			ProjectPlan edited = chain == null ? null : PlanEdits.apply(kept.plan(), chain);
			if (edited != null) {
				this.edited.increment();
				Schedules.Computed computed = compile.apply(edited);
				keep(projectId, new Entry(version, edited, computed, kept.weight()));
				return computed;
			}
		}
		misses.increment();
		ProjectPlan plan = plans.plan(projectId);
		Schedules.Computed computed = compile.apply(plan);
		// a change committed while the plan was read may be half in it: keep only a plan read whole
		if (versions.version(projectId) == version) {
			keep(projectId, new Entry(version, plan, computed, weightOf(plan)));
		}
		return computed;
	}

	/** What a plan counts for against the bound: its activities and links. */
	static long weightOf(ProjectPlan plan) {
		return Math.max(1, (long) plan.activityCount() + plan.links().size());
	}

	private synchronized void keep(UUID projectId, Entry entry) {
		Entry before = entries.get(projectId);
		if (before != null && before.version() > entry.version()) {
			return; // a newer copy is kept already
		}
		if (before != null) {
			entries.remove(projectId);
			weight -= before.weight();
		}
		if (entry.weight() > maxActivities) {
			return; // larger than the whole cache: not kept
		}
		entries.put(projectId, entry);
		weight += entry.weight();
		Iterator<Map.Entry<UUID, Entry>> eldest = entries.entrySet().iterator();
		while (weight > maxActivities && eldest.hasNext()) {
			Map.Entry<UUID, Entry> next = eldest.next();
			if (next.getKey().equals(projectId)) {
				continue;
			}
			weight -= next.getValue().weight();
			eldest.remove();
			evictions.increment();
		}
	}

	/** Drops every kept plan. */
	synchronized void clear() {
		entries.clear();
		weight = 0;
	}

	/** The activities and links kept. */
	synchronized long size() {
		return weight;
	}

	/** How many projects' plans are kept. */
	synchronized int projects() {
		return entries.size();
	}

	/** Whether the project's plan is kept, at any version. */
	synchronized boolean holds(UUID projectId) {
		return entries.containsKey(projectId);
	}

}
