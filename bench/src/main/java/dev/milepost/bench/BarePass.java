package dev.milepost.bench;

/**
 * The limit the engine is held to: the least work that turns the same link arrays into early
 * dates. It builds successor rows (targets and lags) from the link arrays, then runs Kahn's
 * topological sort with the forward longest-path relaxation fused into it, treating every link as
 * finish-to-start with its lag. It has no link kinds, no validation, no constraints or progress,
 * no backward pass, no floats and no result object beyond the early starts; a cycle only shows as
 * activities left unordered.
 */
public final class BarePass {

	private BarePass() {
	}

	/** Early starts of every activity, and at [size] the project finish. */
	public static int[] earlyStarts(int size, int[] duration, int links, int[] from, int[] to, int[] lag) {
		int[] start = new int[size + 1];
		int[] indegree = new int[size];
		for (int l = 0; l < links; l++) {
			start[from[l] + 1]++;
			indegree[to[l]]++;
		}
		for (int i = 0; i < size; i++) {
			start[i + 1] += start[i];
		}
		int[] fill = new int[size];
		System.arraycopy(start, 0, fill, 0, size);
		int[] target = new int[links];
		int[] weight = new int[links];
		for (int l = 0; l < links; l++) {
			int at = fill[from[l]]++;
			target[at] = to[l];
			weight[at] = lag[l];
		}
		int[] queue = new int[size];
		int[] es = new int[size + 1];
		int tail = 0;
		for (int i = 0; i < size; i++) {
			if (indegree[i] == 0) {
				queue[tail++] = i;
			}
		}
		int finish = 0;
		for (int head = 0; head < tail; head++) {
			int i = queue[head];
			int ef = es[i] + duration[i];
			if (ef > finish) {
				finish = ef;
			}
			for (int l = start[i], end = start[i + 1]; l < end; l++) {
				int s = target[l];
				int bound = ef + weight[l];
				if (bound > es[s]) {
					es[s] = bound;
				}
				if (--indegree[s] == 0) {
					queue[tail++] = s;
				}
			}
		}
		if (tail < size) {
			throw new IllegalStateException("cycle: " + (size - tail) + " activities left unordered");
		}
		es[size] = finish;
		return es;
	}

}
