package dev.milepost.automation.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.milepost.notification.Notices;

/**
 * The writes of runs handled together in one transaction, made at once when the batch ends: the
 * notices their notify, remind and escalate actions send (one write per outbox table, each person
 * looked up once), those actions' outcomes with the effects index, and the runs' ends. Actions
 * that change the plan or the approvals are taken at once, not here.
 */
final class RunBatch {

	private record Told(Notices.Send send, RunLog.ActionRow row) {
	}

	private final List<Told> told = new ArrayList<>();

	private final List<RunLog.ActionRow> actions = new ArrayList<>();

	private final List<RunLog.Finish> finishes = new ArrayList<>();

	/** A notice to send and the outcome of the action that sends it (its effect, the notice, added when sent). */
	void tell(Notices.Send send, RunLog.ActionRow row) {
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
		List<UUID> ids = told.isEmpty() ? List.of() : notices.sendAll(told.stream().map(Told::send).toList());
		List<RunLog.ActionRow> rows = new ArrayList<>();
		for (int i = 0; i < told.size(); i++) {
			RunLog.ActionRow row = told.get(i).row();
			List<RunLog.Effect> effects = new ArrayList<>(row.effects());
			effects.add(0, new RunLog.Effect("notification", ids.get(i).toString()));
			rows.add(new RunLog.ActionRow(row.runId(), row.index(), row.action(), row.status(), row.detail(), effects));
		}
		rows.addAll(actions);
		log.actions(rows);
		log.finishAll(finishes);
		told.clear();
		actions.clear();
		finishes.clear();
	}

}
