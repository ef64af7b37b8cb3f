import type { ForecastWork } from './model';
import { stronglyConnectedComponents } from '../strongly-connected';

/*
 * The dependency graph of a sprint's remaining work on plain integer arrays, with its cycles found (Tarjan, with an
 * explicit stack) so that a cycle cannot leave its items waiting forever.
 */

/** The remaining work's finish-to-start links, numbered like the work (rank order). */
export interface WorkGraph {
  downstreamStart: Int32Array;
  downstream: Int32Array;
  upstreamCount: Int32Array;
  /** Strongly connected groups of more than one item, members in rank order. */
  cycles: number[][];
}

/**
 * Finish-to-start edges between remaining items (done, out-of-scope or unknown upstream does not hold anything
 * up), without self-links, repeats, or the links inside a dependency cycle (which would wait forever).
 */
export function workGraph(keys: readonly string[], dependencies: ForecastWork['dependencies']): WorkGraph {
  const n = keys.length;
  const index = new Map(keys.map((key, node) => [key, node]));
  const from: number[] = [];
  const to: number[] = [];
  const seen = new Set<number>();
  for (const { upstream, downstream } of dependencies) {
    const up = index.get(upstream);
    const down = index.get(downstream);
    if (up === undefined || down === undefined || up === down || seen.has(up * n + down)) continue;
    seen.add(up * n + down);
    from.push(up);
    to.push(down);
  }
  const all = adjacency(n, from, to);
  const { component } = stronglyConnectedComponents(n, all.start, all.targets);
  const keptFrom: number[] = [];
  const keptTo: number[] = [];
  from.forEach((up, edge) => {
    if (component[up] !== component[to[edge]!]) {
      keptFrom.push(up);
      keptTo.push(to[edge]!);
    }
  });
  const kept = adjacency(n, keptFrom, keptTo);
  const upstreamCount = new Int32Array(n);
  for (const down of keptTo) upstreamCount[down]!++;

  const members = new Map<number, number[]>();
  for (let node = 0; node < n; node++) {
    const list = members.get(component[node]!);
    if (list) list.push(node);
    else members.set(component[node]!, [node]);
  }
  const cycles = [...members.values()].filter((list) => list.length > 1).sort((a, b) => a[0]! - b[0]!);
  return { downstreamStart: kept.start, downstream: kept.targets, upstreamCount, cycles };
}

/** Compressed adjacency: node i's targets are `targets[start[i] .. start[i + 1])`, in edge order. */
function adjacency(n: number, from: readonly number[], to: readonly number[]) {
  const start = new Int32Array(n + 1);
  for (const node of from) start[node + 1]!++;
  for (let node = 0; node < n; node++) start[node + 1]! += start[node]!;
  const fill = start.slice(0, n);
  const targets = new Int32Array(from.length);
  from.forEach((node, edge) => (targets[fill[node]!++] = to[edge]!));
  return { start, targets };
}
