import type { Dependency, IssueSnapshot } from './snapshot';
import { stronglyConnectedComponents } from './strongly-connected';

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
export function isFinished(issue: Pick<IssueSnapshot, 'statusCategory'> | undefined): boolean {
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

/** `issues` in issue order, each key once (the order ties are settled in). */
export function analyseDependencies(
  issues: readonly IssueSnapshot[],
  dependencies: readonly Dependency[],
): DependencyAnalysis {
  const graph = dependencyGraph(issues, dependencies);
  const finished = new Uint8Array(graph.keys.length);
  graph.issues.forEach((issue, node) => (finished[node] = isFinished(issue) ? 1 : 0));
  const { component, topological } = componentsOf(graph);
  const edges: DependencyEdge[] = [];
  for (let edge = 0; edge < graph.from.length; edge++) {
    const from = graph.from[edge]!;
    const to = graph.to[edge]!;
    edges.push({
      upstream: graph.keys[from]!,
      downstream: graph.keys[to]!,
      linkType: graph.linkTypes[edge]!,
      blocking: finished[from] === 0,
      onCycle: component[from] === component[to],
    });
  }
  return {
    edges,
    cycles: cyclesOf(graph, component),
    ...longestChains(graph, component, topological, finished),
  };
}

/**
 * Issues numbered in issue order, then keys missing from the snapshot. Edge i runs from[i] → to[i];
 * outEdges[outStart[n] .. outStart[n + 1]) are node n's outgoing edges.
 */
interface Graph {
  keys: string[];
  /** The snapshot's issue of each node numbered below `issues.length`; the nodes after them are missing. */
  issues: IssueSnapshot[];
  from: Int32Array;
  to: Int32Array;
  linkTypes: string[];
  outStart: Int32Array;
  outEdges: Int32Array;
}

/**
 * Keeps dependencies with at least one end in the sprint. Drops self-links and repeats of a pair
 * (Jira reports a link from both of its sides). An issue missing from the snapshot still blocks:
 * it becomes a node we know nothing about. Each key is looked up once per dependency end; the rest is
 * integer work (string look-ups were most of the engine's time at 20,000 issues).
 */
function dependencyGraph(issues: readonly IssueSnapshot[], dependencies: readonly Dependency[]): Graph {
  const keys: string[] = [];
  const nodeIssues: IssueSnapshot[] = [];
  const index = new Map<string, number>();
  for (const issue of issues) {
    index.set(issue.key, keys.length);
    keys.push(issue.key);
    nodeIssues.push(issue);
  }
  const inSprint = (node: number | undefined) => node !== undefined && nodeIssues[node]?.inScope === true;
  const nodeOf = (key: string, node: number | undefined): number => {
    if (node !== undefined) return node;
    index.set(key, keys.length);
    return keys.push(key) - 1;
  };

  // Every candidate in first-seen order; repeats are found below, per upstream node. Typed arrays sized for
  // every dependency, not growing arrays: less for the young generation to copy on 50,000 links.
  const fromOf = new Int32Array(dependencies.length);
  const toOf = new Int32Array(dependencies.length);
  const dependencyOf = new Int32Array(dependencies.length);
  let candidates = 0;
  dependencies.forEach(({ upstream, downstream }, at) => {
    if (upstream === downstream) return;
    const up = index.get(upstream);
    const down = index.get(downstream);
    if (!inSprint(up) && !inSprint(down)) return;
    fromOf[candidates] = nodeOf(upstream, up);
    toOf[candidates] = nodeOf(downstream, down);
    dependencyOf[candidates++] = at;
  });
  const candidateFrom = fromOf.subarray(0, candidates);
  const candidateTo = toOf.subarray(0, candidates);

  const n = keys.length;
  const byFrom = bucketByNode(n, candidateFrom);
  // A repeat is a candidate whose (from, to) pair came earlier: within one upstream's bucket (kept in
  // first-seen order) `lastFrom[to]` remembers that this upstream already reached `to`.
  const repeat = new Uint8Array(candidateFrom.length);
  const lastFrom = new Int32Array(n).fill(-1);
  for (let node = 0; node < n; node++) {
    for (let at = byFrom.start[node]!; at < byFrom.start[node + 1]!; at++) {
      const candidate = byFrom.order[at]!;
      const target = candidateTo[candidate]!;
      if (lastFrom[target] === node) repeat[candidate] = 1;
      else lastFrom[target] = node;
    }
  }
  const kept = candidateFrom.length - repeat.reduce((sum, each) => sum + each, 0);
  const from = new Int32Array(kept);
  const to = new Int32Array(kept);
  const linkTypes: string[] = [];
  for (let candidate = 0, edge = 0; candidate < candidateFrom.length; candidate++) {
    if (repeat[candidate]) continue;
    from[edge] = candidateFrom[candidate]!;
    to[edge] = candidateTo[candidate]!;
    linkTypes.push(dependencies[dependencyOf[candidate]!]!.linkType);
    edge++;
  }
  const { start: outStart, order: outEdges } = bucketByNode(n, from);
  return { keys, issues: nodeIssues, from, to, linkTypes, outStart, outEdges };
}

/** Items grouped by node, each group in item order: order[start[n] .. start[n + 1]) are node n's items. */
function bucketByNode(
  nodes: number,
  nodeOfItem: ArrayLike<number>,
): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(nodes + 1);
  for (let item = 0; item < nodeOfItem.length; item++) start[nodeOfItem[item]! + 1]!++;
  for (let node = 0; node < nodes; node++) start[node + 1]! += start[node]!;
  const order = new Int32Array(nodeOfItem.length);
  const fill = start.slice(0, nodes);
  for (let item = 0; item < nodeOfItem.length; item++) order[fill[nodeOfItem[item]!]!++] = item;
  return { start, order };
}

/** The graph's successors per node as node ids, for the shared component search. */
function componentsOf(graph: Graph): { component: Int32Array; topological: Int32Array } {
  const targets = new Int32Array(graph.outEdges.length);
  for (let slot = 0; slot < targets.length; slot++) targets[slot] = graph.to[graph.outEdges[slot]!]!;
  return stronglyConnectedComponents(graph.keys.length, graph.outStart, targets);
}

/** Heavier chains first, then those with more issues; 0 on a tie. */
function compareChains(weight: number, length: number, otherWeight: number, otherLength: number): number {
  return weight - otherWeight || length - otherLength;
}

function cyclesOf(graph: Graph, component: Int32Array): string[][] {
  // Most components are single issues: count first, so only real cycles get a list.
  const size = new Int32Array(graph.keys.length);
  for (const each of component) size[each]!++;
  const members = new Map<number, string[]>();
  graph.keys.forEach((key, node) => {
    const id = component[node]!;
    if (size[id]! < 2) return;
    const list = members.get(id);
    if (list) list.push(key);
    else members.set(id, [key]);
  });
  return [...members.values()];
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
): Pick<DependencyAnalysis, 'upstreamChains' | 'criticalChain'> {
  const n = graph.keys.length;
  // A key missing from the snapshot weighs as an unestimated issue.
  const weight = new Float64Array(n).fill(1);
  graph.issues.forEach((issue, node) => (weight[node] = weightOf(issue)));
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
