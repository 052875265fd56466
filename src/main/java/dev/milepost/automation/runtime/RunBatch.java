package dev.milepost.automation.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.milepost.notification.Notices;

/**
 * The writes of runs handled together in one transaction, made at once when the batch ends: the
 * runs that only tell people (written whole, begun and ended), the notices their notify, remind
 * and escalate actions send (one write per outbox table, each person looked up once), those
 * actions' outcomes with the effects index, and the ends of the other runs. Actions that change
 * the plan or the approvals are taken at once, not here, and their runs are written when they begin.
 */
final class RunBatch {

	/** A notice to send and the outcome of the action sending it, given who had already been told. */
	private record Told(Notices.Send send, java.util.function.Function<java.util.Set<String>, RunLog.ActionRow> row) {
	}

	private final List<Told> told = new ArrayList<>();

	private final List<RunLog.ActionRow> actions = new ArrayList<>();

	private final List<RunLog.Finish> finishes = new ArrayList<>();

	/** Runs begun without their row, written whole when the batch ends (unless a row is needed sooner). */
	private final java.util.Map<UUID, RunLog.Start> unwritten = new java.util.LinkedHashMap<>();

	/** Begins a run without writing its row yet. */
	void begin(UUID runId, RunLog.Start start) {
		unwritten.put(runId, start);
	}

	/** Writes a run's row now if it was left for later (an incident is about to name it). */
	void written(UUID runId, RunLog log) {
		RunLog.Start start = unwritten.remove(runId);
		if (start != null && !log.begin(runId, start)) {
			throw new IllegalStateException("Run " + start.dedupeKey() + " had run before.");
		}
	}

	/**
	 * A notice to send and the outcome of the action that sends it, made when it is sent from the
	 * people it told nothing new (its effect, the notice, added then).
	 */
	void tell(Notices.Send send, java.util.function.Function<java.util.Set<String>, RunLog.ActionRow> row) {
		told.add(new Told(send, row));
	}

	/** An action's outcome, with nothing to send. */
	void action(RunLog.ActionRow row) {
		actions.add(row);
	}

	void finish(RunLog.Finish finish) {
		finishes.add(finish);
	}

	/** Makes the writes, in the caller's transaction, and empties the batch. */
	void flush(Notices notices, RunLog log) {
		List<RunLog.Ended> ended = new ArrayList<>();
		List<RunLog.Finish> updates = new ArrayList<>();
		for (RunLog.Finish finish : finishes) {
			RunLog.Start start = unwritten.remove(finish.runId());
			if (start != null) {
				ended.add(new RunLog.Ended(finish.runId(), start, finish));
			}
			else {
				updates.add(finish);
			}
		}
		if (!unwritten.isEmpty()) {
			throw new IllegalStateException("Runs begun in a batch never ended: " + unwritten.keySet());
		}
		log.insertEnded(ended);
		List<Notices.Sent> sent = told.isEmpty() ? List.of()
				: notices.sendAll(told.stream().map(Told::send).toList());
		List<RunLog.ActionRow> rows = new ArrayList<>();
		for (int i = 0; i < told.size(); i++) {
			RunLog.ActionRow row = told.get(i).row().apply(sent.get(i).alreadyTold());
			List<RunLog.Effect> effects = new ArrayList<>(row.effects());
			effects.add(0, new RunLog.Effect("notification", sent.get(i).id().toString()));
			rows.add(new RunLog.ActionRow(row.runId(), row.index(), row.action(), row.status(), row.detail(), effects));
		}
		rows.addAll(actions);
		log.actions(rows);
		log.finishAll(updates);
		told.clear();
		actions.clear();
		finishes.clear();
	}

}
