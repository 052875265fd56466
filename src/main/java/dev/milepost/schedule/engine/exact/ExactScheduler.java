package dev.milepost.schedule.engine.exact;

import java.util.Arrays;

/**
 * The critical path method over an {@link ExactNetwork} in minutes of working time: a forward
 * pass in topological order for early dates, a backward pass for late dates, total and free float
 * in working minutes of each activity's own calendar.
 * <p>
 * Two implementations, one answer. When every activity is on the project calendar, lags count on
 * it, no work has started and no activity is as late as possible (the common case, and every
 * simulation draw), the passes run in working minutes of that calendar, as the day engine runs in
 * working days: ints added and compared, no calendar look-up inside the loop, and dates made from
 * working minutes only when read. Otherwise they run in moments: each activity turns the bounds it
 * receives into working minutes of its own calendar, and its dates back into moments for its
 * successors, the lag counted on the calendar {@link LagCalendar} picks.
 * <p>
 * Conventions, in both: a start is shown at the beginning of its first working minute, a finish
 * at the end of its last ({@link WorkCalendar#startAt}, {@link WorkCalendar#finishAt}); bounds are
 * compared in working minutes, so a bound falling in an activity's non-working time is the same
 * instant as the end of the work before it (Friday 17:00 and Monday 08:00 are one instant to a
 * Monday-to-Friday calendar). Activities without successors are late at the project finish.
 */
public final class ExactScheduler {

	private static final int NONE = ExactNetwork.NONE;

	private static final int FS_SS_FF_SF_HANGS_ON_START = 1;

	private static final int BINDS_FINISH = 2;

	private ExactScheduler() {
	}

	/** Schedules a plan not yet started from {@code projectStart} (a moment). */
	public static ExactSchedule schedule(ExactNetwork network, int projectStart) {
		return schedule(network, projectStart, null);
	}

	/** Schedules with progress as of its data date; work not started waits for it. */
	public static ExactSchedule schedule(ExactNetwork network, int projectStart, Progress progress) {
		if (progress != null) {
			refuseProgressOnSummaries(network, progress);
		}
		if (network.singleCalendar() && progress == null && !network.anyAsLateAsPossible) {
			return SingleCalendar.schedule(network, projectStart);
		}
		return InMoments.schedule(network, projectStart, progress);
	}

	private static void refuseProgressOnSummaries(ExactNetwork network, Progress progress) {
		if (progress.actualStart.length != network.size) {
			throw new IllegalArgumentException("The progress is for " + progress.actualStart.length
					+ " activities, the network has " + network.size);
		}
		for (int i = 0; i < network.size; i++) {
			if (network.finishNode[i] >= 0 && progress.actualStart[i] != NONE) {
				throw new IllegalArgumentException("Summary " + i + " takes its progress from its children");
			}
		}
	}

	static int clamp(long value) {
		return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE - 1, value));
	}

	/** The passes in working minutes of the project calendar, counted from the project start. */
	static final class SingleCalendar {

		static ExactSchedule schedule(ExactNetwork network, int projectStart) {
			WorkCalendar calendar = network.calendars[0];
			long origin = calendar.workBefore(projectStart);
			int nodes = network.nodes;
			int[] es = new int[nodes];
			int[] ef = new int[nodes];
			// each constraint's date in working minutes from the project start
			int[] constraintWork = null;
			if (network.constraint != null) {
				constraintWork = new int[nodes];
				for (int i = 0; i < nodes; i++) {
					if (network.constraint[i] != 0) {
						constraintWork[i] = clamp(calendar.workBefore(network.constraintAt[i]) - origin);
					}
				}
			}
			int finish = forward(network, constraintWork, es, ef);
			int[] ls = new int[nodes];
			int[] lf = new int[nodes];
			int[] free = new int[nodes];
			int[] deadline = null;
			if (network.deadline != null) {
				deadline = new int[nodes];
				for (int i = 0; i < nodes; i++) {
					int at = network.deadline[i];
					deadline[i] = at == NONE ? Integer.MAX_VALUE : clamp(calendar.workBefore(at) - origin);
				}
			}
			backward(network, deadline, constraintWork, es, ef, ls, lf, free, finish);
			return ExactSchedule.inWork(network, projectStart, origin, es, ef, ls, lf, free, finish);
		}

		/**
		 * As the day engine's forward pass, without branches on the link kind; a constraint (see
		 * {@link Constraint}) moves the start before the activity pushes its successors.
		 */
		private static int forward(ExactNetwork network, int[] constraintWork, int[] es, int[] ef) {
			byte[] constraint = network.constraint;
			int[] order = network.topological;
			int[] linkStart = network.linkStart;
			int[] succ = network.succ;
			int[] succLink = network.succLink;
			int[] duration = network.duration;
			int finish = 0;
			for (int o = 0; o < order.length; o++) {
				int i = order[o];
				int start = es[i];
				int d = duration[i];
				if (constraint != null && constraint[i] != 0) {
					int at = constraintWork[i];
					switch (Constraint.VALUES[constraint[i]]) {
						case START_NO_EARLIER_THAN -> start = Math.max(start, at);
						case FINISH_NO_EARLIER_THAN -> start = Math.max(start, at - d);
						case MUST_START_ON -> start = at;
						case MUST_FINISH_ON -> start = at - d;
						default -> {
						}
					}
					es[i] = start;
				}
				int end = start + d;
				ef[i] = end;
				finish = Math.max(finish, end);
				for (int l = linkStart[o], stop = linkStart[o + 1]; l < stop; l++) {
					int s = succ[l];
					int link = succLink[l];
					int bound = end + ExactNetwork.lag(link) - (d & -(link & 1)) - (duration[s] & -((link >> 1) & 1));
					es[s] = Math.max(es[s], bound);
				}
			}
			return finish;
		}

		private static void backward(ExactNetwork network, int[] deadline, int[] constraintWork, int[] es, int[] ef,
				int[] ls, int[] lf, int[] freeFloat, int finish) {
			byte[] constraint = network.constraint;
			int[] order = network.topological;
			int[] linkStart = network.linkStart;
			int[] succ = network.succ;
			int[] succLink = network.succLink;
			int[] duration = network.duration;
			int size = network.size;
			for (int o = order.length - 1; o >= 0; o--) {
				int i = order[o];
				int d = duration[i];
				int early = ef[i];
				int late = deadline == null ? finish : Math.min(finish, deadline[i]);
				int free = Integer.MAX_VALUE;
				for (int l = linkStart[o], stop = linkStart[o + 1]; l < stop; l++) {
					int s = succ[l];
					int link = succLink[l];
					int offset = (d & -(link & 1)) - ExactNetwork.lag(link) + (duration[s] & -((link >> 1) & 1));
					late = Math.min(late, ls[s] + offset);
					// the link from a child to its summary's finish node does not bound free float
					free = Math.min(free, s < size ? es[s] + offset - early : Integer.MAX_VALUE);
				}
				if (free == Integer.MAX_VALUE) {
					free = finish - early;
				}
				if (constraint != null && constraint[i] != 0) {
					int at = constraintWork[i];
					late = switch (Constraint.VALUES[constraint[i]]) {
						case START_NO_LATER_THAN, MUST_START_ON -> Math.min(late, at + d);
						case FINISH_NO_LATER_THAN, MUST_FINISH_ON -> Math.min(late, at);
						default -> late;
					};
				}
				lf[i] = late;
				ls[i] = late - d;
				freeFloat[i] = Math.max(0, Math.min(free, late - early));
			}
		}

	}

	/** The passes in moments, each activity on its own calendar; constraints, progress, any lag calendar. */
	static final class InMoments {

		private final ExactNetwork network;

		private final Progress progress;

		private final int[] es;

		private final int[] ef;

		private final int[] ls;

		private final int[] lf;

		private final int[] total;

		private final int[] free;

		// for started work: where its remaining work resumes, early and late
		private final int[] lateResume;

		private int finish;

		private InMoments(ExactNetwork network, Progress progress) {
			this.network = network;
			this.progress = progress;
			int nodes = network.nodes;
			es = new int[nodes];
			ef = new int[nodes];
			ls = new int[nodes];
			lf = new int[nodes];
			total = new int[nodes];
			free = new int[nodes];
			lateResume = progress == null ? null : new int[nodes];
		}

		static ExactSchedule schedule(ExactNetwork network, int projectStart, Progress progress) {
			InMoments passes = new InMoments(network, progress);
			int floor = progress == null ? projectStart : Math.max(projectStart, progress.dataDate);
			passes.forward(floor);
			passes.backward();
			int[] start = passes.es;
			int[] end = passes.ef;
			if (network.constraint != null) {
				int[][] scheduled = passes.asLateAsPossible();
				start = scheduled[0];
				end = scheduled[1];
			}
			return ExactSchedule.inMoments(network, projectStart, passes.es, passes.ef, passes.ls, passes.lf,
					passes.total, passes.free, start, end, passes.finish);
		}

		private boolean finished(int i) {
			return progress != null && i < network.size && progress.actualFinish[i] != NONE;
		}

		private boolean started(int i) {
			return progress != null && i < network.size && progress.actualStart[i] != NONE
					&& progress.actualFinish[i] == NONE;
		}

		private int remaining(int i) {
			int given = progress.remaining[i];
			if (given >= 0) {
				return given;
			}
			WorkCalendar calendar = network.nodeCalendar(i);
			long done = calendar.workBetween(progress.actualStart[i], progress.dataDate);
			return clamp(Math.max(0, network.duration[i] - done));
		}

		private WorkCalendar lagCalendar(int predecessor, int successor) {
			return switch (network.lagCalendar) {
				case PREDECESSOR -> network.nodeCalendar(predecessor);
				case SUCCESSOR -> network.nodeCalendar(successor);
				case PROJECT -> network.calendars[0];
				case TWENTY_FOUR_HOURS -> null;
			};
		}

		/** A moment plus a lag, as the forward pass moves from a predecessor to a successor. */
		private static int after(int moment, int lag, WorkCalendar calendar) {
			if (lag == 0) {
				return moment;
			}
			return calendar == null ? moment + lag : calendar.finishAt(calendar.workBefore(moment) + lag);
		}

		/** A moment less a lag, as the backward pass moves from a successor to a predecessor. */
		private static int before(int moment, int lag, WorkCalendar calendar) {
			if (lag == 0) {
				return moment;
			}
			return calendar == null ? moment - lag : calendar.startAt(calendar.workBefore(moment) - lag);
		}

		private Constraint constraint(int i) {
			return network.constraint == null ? Constraint.AS_SOON_AS_POSSIBLE
					: Constraint.VALUES[network.constraint[i]];
		}

		private void forward(int floor) {
			int nodes = network.nodes;
			int[] startBound = new int[nodes];
			int[] finishBound = new int[nodes];
			Arrays.fill(startBound, floor);
			Arrays.fill(finishBound, NONE);
			int[] order = network.topological;
			int projectFinish = floor;
			for (int o = 0; o < order.length; o++) {
				int i = order[o];
				WorkCalendar calendar = network.nodeCalendar(i);
				int d = network.duration[i];
				int start;
				int end;
				if (finished(i)) {
					start = progress.actualStart[i];
					end = progress.actualFinish[i];
				}
				else if (started(i)) {
					start = progress.actualStart[i];
					int left = remaining(i);
					long resume = calendar.workBefore(progress.dataDate);
					long done;
					if (progress.retainedLogic) {
						resume = Math.max(resume, calendar.workBefore(startBound[i]));
						done = resume + left;
						if (finishBound[i] != NONE) {
							done = Math.max(done, calendar.workBefore(finishBound[i]));
						}
					}
					else {
						done = resume + left;
					}
					end = Math.max(start, calendar.finishAt(done));
				}
				else if (d == 0) {
					start = Math.max(startBound[i], finishBound[i]);
					int at = network.constraint == null ? 0 : network.constraintAt[i];
					start = switch (constraint(i)) {
						case START_NO_EARLIER_THAN, FINISH_NO_EARLIER_THAN -> Math.max(start, at);
						case MUST_START_ON, MUST_FINISH_ON -> at;
						default -> start;
					};
					end = start;
				}
				else {
					long work = calendar.workBefore(startBound[i]);
					if (finishBound[i] != NONE) {
						work = Math.max(work, calendar.workBefore(finishBound[i]) - d);
					}
					if (network.constraint != null) {
						int at = network.constraintAt[i];
						work = switch (constraint(i)) {
							case START_NO_EARLIER_THAN -> Math.max(work, calendar.workBefore(at));
							case FINISH_NO_EARLIER_THAN -> Math.max(work, calendar.workBefore(at) - d);
							case MUST_START_ON -> calendar.workBefore(at);
							case MUST_FINISH_ON -> calendar.workBefore(at) - d;
							default -> work;
						};
					}
					start = calendar.startAt(work);
					end = calendar.finishAt(work + d);
				}
				es[i] = start;
				ef[i] = end;
				projectFinish = Math.max(projectFinish, end);
				for (int l = network.linkStart[o], stop = network.linkStart[o + 1]; l < stop; l++) {
					int s = network.succ[l];
					int link = network.succLink[l];
					int from = (link & FS_SS_FF_SF_HANGS_ON_START) != 0 ? start : end;
					int bound = after(from, ExactNetwork.lag(link), lagCalendar(i, s));
					if ((link & BINDS_FINISH) != 0) {
						finishBound[s] = Math.max(finishBound[s], bound);
					}
					else {
						startBound[s] = Math.max(startBound[s], bound);
					}
				}
			}
			finish = projectFinish;
		}

		/** Where a successor's links look from the predecessor's side: its start, or the resumption of its remaining work. */
		private int earlyLogicStart(int s) {
			if (started(s)) {
				WorkCalendar calendar = network.nodeCalendar(s);
				return calendar.startAt(calendar.workBefore(ef[s]) - remaining(s));
			}
			return es[s];
		}

		private void backward() {
			int[] order = network.topological;
			for (int o = order.length - 1; o >= 0; o--) {
				int i = order[o];
				WorkCalendar calendar = network.nodeCalendar(i);
				int d = network.duration[i];
				boolean started = started(i);
				boolean finished = finished(i);
				long earlyStart = calendar.workBefore(es[i]);
				long earlyFinish = calendar.workBefore(ef[i]);
				long late = calendar.workBefore(finish);
				long slack = Long.MAX_VALUE;
				boolean waits = false;
				for (int l = network.linkStart[o], stop = network.linkStart[o + 1]; l < stop; l++) {
					int s = network.succ[l];
					if (finished(s) || (started(s) && !progress.retainedLogic)) {
						continue;
					}
					// the link from a child to its summary's finish node does not bound free float
					boolean outline = s >= network.size;
					waits |= !outline;
					int link = network.succLink[l];
					int lag = ExactNetwork.lag(link);
					WorkCalendar lagCalendar = lagCalendar(i, s);
					boolean bindsFinish = (link & BINDS_FINISH) != 0;
					int lateTo = bindsFinish ? lf[s] : started(s) ? lateResume[s] : ls[s];
					int earlyTo = bindsFinish ? ef[s] : earlyLogicStart(s);
					long lateAt = calendar.workBefore(before(lateTo, lag, lagCalendar));
					long earlyAt = calendar.workBefore(before(earlyTo, lag, lagCalendar));
					if ((link & FS_SS_FF_SF_HANGS_ON_START) != 0) {
						if (!started && !finished) {
							late = Math.min(late, lateAt + d);
						}
						slack = outline ? slack : Math.min(slack, earlyAt - earlyStart);
					}
					else {
						late = Math.min(late, lateAt);
						slack = outline ? slack : Math.min(slack, earlyAt - earlyFinish);
					}
				}
				if (network.deadline != null && network.deadline[i] != NONE) {
					late = Math.min(late, calendar.workBefore(network.deadline[i]));
				}
				if (network.constraint != null && !started && !finished) {
					int at = network.constraintAt[i];
					late = switch (constraint(i)) {
						case START_NO_LATER_THAN, MUST_START_ON -> Math.min(late, calendar.workBefore(at) + d);
						case FINISH_NO_LATER_THAN, MUST_FINISH_ON -> Math.min(late, calendar.workBefore(at));
						default -> late;
					};
				}
				if (finished) {
					ls[i] = es[i];
					lf[i] = ef[i];
					total[i] = 0;
					free[i] = 0;
					continue;
				}
				if (late == earlyFinish) {
					lf[i] = ef[i];
				}
				else {
					lf[i] = calendar.finishAt(late);
				}
				if (started) {
					ls[i] = es[i];
					lateResume[i] = calendar.startAt(late - remaining(i));
				}
				else if (late == earlyFinish) {
					ls[i] = es[i];
				}
				else {
					ls[i] = d == 0 ? lf[i] : calendar.startAt(late - d);
				}
				total[i] = clamp(late - earlyFinish);
				long ownFree = waits ? slack : calendar.workBefore(finish) - earlyFinish;
				free[i] = clamp(Math.max(0, Math.min(ownFree, late - earlyFinish)));
			}
		}

		/**
		 * The dates as scheduled: the early dates, except that an activity as late as possible moves
		 * on by its free float, measured to its successors' scheduled dates (so two in a row both
		 * move), within its total float.
		 */
		private int[][] asLateAsPossible() {
			int[] start = es.clone();
			int[] end = ef.clone();
			int[] order = network.topological;
			for (int o = order.length - 1; o >= 0; o--) {
				int i = order[o];
				if (constraint(i) != Constraint.AS_LATE_AS_POSSIBLE || started(i) || finished(i)) {
					continue;
				}
				WorkCalendar calendar = network.nodeCalendar(i);
				long earlyStart = calendar.workBefore(es[i]);
				long earlyFinish = calendar.workBefore(ef[i]);
				long room = calendar.workBefore(finish) - earlyFinish;
				for (int l = network.linkStart[o], stop = network.linkStart[o + 1]; l < stop; l++) {
					int s = network.succ[l];
					int link = network.succLink[l];
					int to = (link & BINDS_FINISH) != 0 ? end[s] : start[s];
					long at = calendar.workBefore(before(to, ExactNetwork.lag(link), lagCalendar(i, s)));
					room = Math.min(room, at - ((link & FS_SS_FF_SF_HANGS_ON_START) != 0 ? earlyStart : earlyFinish));
				}
				room = Math.max(0, Math.min(room, total[i]));
				if (room > 0) {
					start[i] = network.duration[i] == 0 ? calendar.finishAt(earlyStart + room)
							: calendar.startAt(earlyStart + room);
					end[i] = calendar.finishAt(earlyFinish + room);
				}
			}
			return new int[][] { start, end };
		}

	}

}
