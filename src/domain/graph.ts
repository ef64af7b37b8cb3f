import type { Dependency, IssueSnapshot } from './snapshot';

/*
 * The dependency graph on plain integer arrays. graphology was tried: building it alone took ~200 ms for
 * 30,000 links, and graphology-components' strongly-connected-components recurses once per issue, which
 * overflows the call stack on a chain of ~10,000. Everything here is iterative and O(V + E).
 */

/** One dependency kept for planning: upstream must finish before downstream. */
export interface DependencyEdge {
  upstream: string;
  downstream: string;
  linkType: string;
  /** The upstream issue is not done, so the downstream one waits. */
  blocking: boolean;
  /** Both ends lie on one dependency cycle. */
  onCycle: boolean;
}

export interface DependencyAnalysis {
  /** Dependencies touching the sprint, without self-links or duplicates, in first-seen order. */
  edges: DependencyEdge[];
  /** Each cycle's keys, in issue order. */
  cycles: string[][];
  /** Per issue with unfinished upstream work: its longest such chain, upstream first, without itself. */
  upstreamChains: Map<string, string[]>;
  /** The longest chain of unfinished dependencies, upstream first; [] when nothing is unfinished. */
  criticalChain: string[];
}

/**
 * An issue's upstream chain keeps only its nearest MAX_UPSTREAM_CHAIN keys: one full chain per issue
 * is quadratic in size (a 20,000-long chain would hold 200 million keys). The critical chain is never cut.
 */
export const MAX_UPSTREAM_CHAIN = 100;

/** Only `done` is finished; `undefined` (and an issue we cannot see at all) counts as unfinished. */
export function isFinished(issue: IssueSnapshot | undefined): boolean {
  return issue?.statusCategory === 'done';
}

/**
 * Chain weight of one issue: its story points when estimated, else 1. So estimated chains compare by points
 * and unestimated ones by count; in a mix, an unestimated issue weighs as much as a 1-point one.
 */
function weightOf(issue: IssueSnapshot | undefined): number {
  const points = issue?.storyPoints;
  return typeof points === 'number' && Number.isFinite(points) && points >= 0 ? points : 1;
}

export function analyseDependencies(
  issues: ReadonlyMap<string, IssueSnapshot>,
  dependencies: readonly Dependency[],
): DependencyAnalysis {
  const graph = dependencyGraph(issues, dependencies);
  const finished = Uint8Array.from(graph.keys, (key) => (isFinished(issues.get(key)) ? 1 : 0));
  const { component, topological } = stronglyConnectedComponents(graph);
  const edges = graph.from.map((from, edge): DependencyEdge => ({
    upstream: graph.keys[from]!,
    downstream: graph.keys[graph.to[edge]!]!,
    linkType: graph.linkTypes[edge]!,
    blocking: finished[from] === 0,
    onCycle: component[from] === component[graph.to[edge]!],
  }));
  return {
    edges,
    cycles: cyclesOf(graph, component),
    ...longestChains(graph, component, topological, finished, issues),
  };
}

/**
 * Issues numbered in issue order, then keys missing from the snapshot. Edge i runs from[i] → to[i];
 * outEdges[outStart[n] .. outStart[n + 1]) are node n's outgoing edges.
 */
interface Graph {
  keys: string[];
  from: number[];
  to: number[];
  linkTypes: string[];
  outStart: Int32Array;
  outEdges: Int32Array;
}

/**
 * Keeps dependencies with at least one end in the sprint. Drops self-links and repeats of a pair
 * (Jira reports a link from both of its sides). An issue missing from the snapshot still blocks:
 * it becomes a node we know nothing about.
 */
function dependencyGraph(
  issues: ReadonlyMap<string, IssueSnapshot>,
  dependencies: readonly Dependency[],
): Graph {
  const keys = [...issues.keys()];
  const index = new Map(keys.map((key, i) => [key, i]));
  const indexOf = (key: string): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = keys.push(key) - 1;
      index.set(key, i);
    }
    return i;
  };

  const from: number[] = [];
  const to: number[] = [];
  const linkTypes: string[] = [];
  // A pair of node numbers as one number; exact while nodes stay below 2^26 (67 million).
  const pairBase = keys.length + 2 * dependencies.length + 1;
  const seen = new Set<number>();
  for (const { upstream, downstream, linkType } of dependencies) {
    if (upstream === downstream) continue;
    if (issues.get(upstream)?.inScope !== true && issues.get(downstream)?.inScope !== true) continue;
    const up = indexOf(upstream);
    const down = indexOf(downstream);
    const pair = up * pairBase + down;
    if (seen.has(pair)) continue;
    seen.add(pair);
    from.push(up);
    to.push(down);
    linkTypes.push(linkType);
  }

  const outStart = new Int32Array(keys.length + 1);
  for (const node of from) outStart[node + 1]!++;
  for (let node = 0; node < keys.length; node++) outStart[node + 1]! += outStart[node]!;
  const outEdges = new Int32Array(from.length);
  const fill = outStart.slice(0, keys.length);
  from.forEach((node, edge) => (outEdges[fill[node]!++] = edge));
  return { keys, from, to, linkTypes, outStart, outEdges };
}

/**
 * Tarjan's algorithm with an explicit stack instead of recursion. Components are numbered in the order
 * they close, downstream first; `topological` lists nodes upstream first (components in reverse).
 */
function stronglyConnectedComponents(graph: Graph): { component: Int32Array; topological: Int32Array } {
  const n = graph.keys.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const closed: number[] = [];
  const open: number[] = [];
  const frames: number[] = []; // the explicit call stack
  const nextEdge = new Int32Array(n); // per node: its next outgoing edge to look at
  let visited = 0;
  let components = 0;

  const enter = (node: number) => {
    order[node] = low[node] = visited++;
    nextEdge[node] = graph.outStart[node]!;
    open.push(node);
    frames.push(node);
  };

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (frames.length > 0) {
      const node = frames[frames.length - 1]!;
      if (nextEdge[node]! < graph.outStart[node + 1]!) {
        const neighbor = graph.to[graph.outEdges[nextEdge[node]!++]!]!;
        if (order[neighbor] === -1) enter(neighbor);
        else if (component[neighbor] === -1) low[node] = Math.min(low[node]!, order[neighbor]!);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[node]!);
      if (low[node] === order[node]) {
        let member: number;
        do {
          member = open.pop()!;
          component[member] = components;
          closed.push(member);
        } while (member !== node);
        components++;
      }
    }
  }
  return { component, topological: Int32Array.from(closed).reverse() };
}

/** Heavier chains first, then those with more issues; 0 on a tie. */
function compareChains(weight: number, length: number, otherWeight: number, otherLength: number): number {
  return weight - otherWeight || length - otherLength;
}

function cyclesOf(graph: Graph, component: Int32Array): string[][] {
  const members = new Map<number, string[]>();
  graph.keys.forEach((key, node) => {
    const list = members.get(component[node]!);
    if (list) list.push(key);
    else members.set(component[node]!, [key]);
  });
  return [...members.values()].filter((list) => list.length > 1);
}

/**
 * Longest paths over unfinished dependencies (upstream not done). Edges inside a cycle are left out:
 * a cycle has no longest path, and without them the rest is a DAG that one pass in topological order
 * settles. Every kept edge has an end in the sprint, so every chain touches the sprint.
 */
function longestChains(
  graph: Graph,
  component: Int32Array,
  topological: Int32Array,
  finished: Uint8Array,
  issues: ReadonlyMap<string, IssueSnapshot>,
): Pick<DependencyAnalysis, 'upstreamChains' | 'criticalChain'> {
  const n = graph.keys.length;
  const weight = Float64Array.from(graph.keys, (key) => weightOf(issues.get(key)));
  // Per node, the best chain ending just before it: total weight, issue count, and the issue before it.
  const reachWeight = new Float64Array(n);
  const reachLength = new Int32Array(n);
  const previous = new Int32Array(n).fill(-1);
  for (const node of topological) {
    if (finished[node]) continue;
    const chainWeight = reachWeight[node]! + weight[node]!;
    const chainLength = reachLength[node]! + 1;
    for (let at = graph.outStart[node]!; at < graph.outStart[node + 1]!; at++) {
      const next = graph.to[graph.outEdges[at]!]!;
      if (component[next] === component[node]) continue;
      const order = compareChains(chainWeight, chainLength, reachWeight[next]!, reachLength[next]!);
      // On a full tie the upstream issue that comes first in issue order wins, so results are stable.
      if (previous[next] === -1 || order > 0 || (order === 0 && node < previous[next]!)) {
        reachWeight[next] = chainWeight;
        reachLength[next] = chainLength;
        previous[next] = node;
      }
    }
  }

  // The critical chain ends where the heaviest whole chain ends; scanning in issue order settles ties.
  let end = -1;
  for (let node = 0; node < n; node++) {
    if (previous[node] === -1) continue;
    const order =
      end === -1
        ? 1
        : compareChains(
            reachWeight[node]! + weight[node]!,
            reachLength[node]!,
            reachWeight[end]! + weight[end]!,
            reachLength[end]!,
          );
    if (order > 0) end = node;
  }

  const walkBack = (from: number, limit: number): string[] => {
    const chain: string[] = [];
    for (let node = from; node !== -1 && chain.length < limit; node = previous[node]!)
      chain.push(graph.keys[node]!);
    return chain.reverse();
  };
  const upstreamChains = new Map<string, string[]>();
  for (let node = 0; node < n; node++) {
    if (previous[node] !== -1)
      upstreamChains.set(graph.keys[node]!, walkBack(previous[node]!, MAX_UPSTREAM_CHAIN));
  }
  return { upstreamChains, criticalChain: end === -1 ? [] : walkBack(end, Infinity) };
}
