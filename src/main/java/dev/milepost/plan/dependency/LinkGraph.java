package dev.milepost.plan.dependency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's links as a graph that a bulk change edits in memory (links added, links and
 * activities removed) and then checks for a cycle once, over the final graph, in time linear in
 * its size. Each link added carries a tag (the position of the operation that added it), so a
 * cycle can be laid at the door of the last operation that closed it.
 */
public final class LinkGraph {

	/** A cycle in link order, starting and ending with the predecessor of the link tagged {@code tag}. */
	public record Cycle(List<UUID> activities, int tag) {
	}

	private record Pair(UUID predecessor, UUID successor) {
	}

	private static final int EXISTING = -1;

	private final Map<UUID, Integer> nodes = new HashMap<>();

	private final List<UUID> ids = new ArrayList<>();

	private int[] from = new int[16];

	private int[] to = new int[16];

	private int[] tags = new int[16];

	private boolean[] removed = new boolean[16];

	private int edges;

	private final Map<Pair, Integer> byEnds = new HashMap<>();

	private final Map<UUID, Integer> byLinkId = new HashMap<>();

	LinkGraph() {
	}

	void addExisting(UUID linkId, UUID predecessor, UUID successor) {
		byLinkId.put(linkId, append(predecessor, successor, EXISTING));
	}

	/** Whether a stored link of this id is in the graph now. */
	public boolean hasLink(UUID linkId) {
		return byLinkId.containsKey(linkId);
	}

	/** Whether a link from predecessor to successor is in the graph now. */
	public boolean links(UUID predecessor, UUID successor) {
		return byEnds.containsKey(new Pair(predecessor, successor));
	}

	/** Adds a new link, tagged with the operation that adds it. */
	public void add(UUID predecessor, UUID successor, int tag) {
		append(predecessor, successor, tag);
	}

	/** Takes out a stored link (deleted by the change). */
	public void removeLink(UUID linkId) {
		Integer edge = byLinkId.remove(linkId);
		if (edge != null) {
			remove(edge);
		}
	}

	/** Takes out every link that touches an activity (the activity is deleted with its links). */
	public void removeTouching(UUID activity) {
		Integer node = nodes.get(activity);
		if (node == null) {
			return;
		}
		for (int e = 0; e < edges; e++) {
			if (!removed[e] && (from[e] == node || to[e] == node)) {
				remove(e);
			}
		}
	}

	/** A cycle in the graph as it stands, if any (Kahn's algorithm, then a walk back through what is left). */
	public Optional<Cycle> cycle() {
		int n = ids.size();
		int[] inDegree = new int[n];
		int[] outStart = new int[n + 1];
		int[] inStart = new int[n + 1];
		for (int e = 0; e < edges; e++) {
			if (!removed[e]) {
				outStart[from[e] + 1]++;
				inStart[to[e] + 1]++;
				inDegree[to[e]]++;
			}
		}
		for (int v = 0; v < n; v++) {
			outStart[v + 1] += outStart[v];
			inStart[v + 1] += inStart[v];
		}
		int[] out = new int[outStart[n]];
		int[] in = new int[inStart[n]];
		int[] outFill = Arrays.copyOf(outStart, n);
		int[] inFill = Arrays.copyOf(inStart, n);
		for (int e = 0; e < edges; e++) {
			if (!removed[e]) {
				out[outFill[from[e]]++] = e;
				in[inFill[to[e]]++] = e;
			}
		}
		int[] queue = new int[n];
		int head = 0;
		int tail = 0;
		for (int v = 0; v < n; v++) {
			if (inDegree[v] == 0) {
				queue[tail++] = v;
			}
		}
		while (head < tail) {
			int v = queue[head++];
			for (int i = outStart[v]; i < outStart[v + 1]; i++) {
				if (--inDegree[to[out[i]]] == 0) {
					queue[tail++] = to[out[i]];
				}
			}
		}
		if (tail == n) {
			return Optional.empty();
		}
		// every node left waits on another node left: walking back along such links must come round
		int start = 0;
		while (inDegree[start] == 0) {
			start++;
		}
		int[] seenAt = new int[n];
		Arrays.fill(seenAt, -1);
		List<Integer> walk = new ArrayList<>();
		int v = start;
		while (seenAt[v] < 0) {
			seenAt[v] = walk.size();
			int edge = -1;
			for (int i = inStart[v]; i < inStart[v + 1]; i++) {
				if (inDegree[from[in[i]]] > 0) {
					edge = in[i];
					break;
				}
			}
			walk.add(edge);
			v = from[edge];
		}
		List<Integer> loop = new ArrayList<>(walk.subList(seenAt[v], walk.size()));
		Collections.reverse(loop);
		int blamed = 0;
		for (int i = 1; i < loop.size(); i++) {
			if (tags[loop.get(i)] > tags[loop.get(blamed)]) {
				blamed = i;
			}
		}
		List<UUID> activities = new ArrayList<>();
		for (int i = 0; i < loop.size(); i++) {
			activities.add(ids.get(from[loop.get((blamed + i) % loop.size())]));
		}
		activities.add(activities.get(0));
		return Optional.of(new Cycle(activities, tags[loop.get(blamed)]));
	}

	private int append(UUID predecessor, UUID successor, int tag) {
		if (edges == from.length) {
			from = Arrays.copyOf(from, edges * 2);
			to = Arrays.copyOf(to, edges * 2);
			tags = Arrays.copyOf(tags, edges * 2);
			removed = Arrays.copyOf(removed, edges * 2);
		}
		from[edges] = node(predecessor);
		to[edges] = node(successor);
		tags[edges] = tag;
		byEnds.put(new Pair(predecessor, successor), edges);
		return edges++;
	}

	private void remove(int edge) {
		removed[edge] = true;
		byEnds.remove(new Pair(ids.get(from[edge]), ids.get(to[edge])));
	}

	private int node(UUID id) {
		return nodes.computeIfAbsent(id, key -> {
			ids.add(key);
			return ids.size() - 1;
		});
	}

}
