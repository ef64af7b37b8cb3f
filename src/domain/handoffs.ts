import type { HandoffReason, HandoffView } from '../contract/plan-view';
import { isFinished, type DependencyEdge } from './graph';
import type { IssueSnapshot } from './snapshot';

/** What a handoff needs to know of the issue at one end. */
export type HandoffEnd = Pick<IssueSnapshot, 'statusCategory' | 'hidden' | 'inScope'> & {
  lane: string | null;
};

/** An issue missing from the snapshot is one we cannot see: it is treated like a hidden issue. */
function isHidden(issue: Pick<IssueSnapshot, 'hidden'> | undefined): boolean {
  return issue === undefined || issue.hidden;
}

/**
 * Why a dependency blocks, in a fixed order. Nothing is known about a hidden upstream beyond that it is
 * hidden (its status and sprint are not ours to read), so it gets `upstream-hidden` alone. Otherwise
 * `upstream-not-done` is always there, `upstream-not-started` and `upstream-outside-sprint` add detail.
 * `cycle` marks a blocked edge on a dependency cycle; an edge whose upstream is done blocks nothing.
 */
export function blockReasons(
  upstream: Pick<IssueSnapshot, 'statusCategory' | 'hidden' | 'inScope'> | undefined,
  onCycle: boolean,
): HandoffReason[] {
  if (isFinished(upstream)) return [];
  const reasons: HandoffReason[] = [];
  if (isHidden(upstream)) reasons.push('upstream-hidden');
  else {
    if (upstream?.statusCategory === 'new') reasons.push('upstream-not-started');
    reasons.push('upstream-not-done');
    if (upstream?.inScope === false) reasons.push('upstream-outside-sprint');
  }
  if (onCycle) reasons.push('cycle');
  return reasons;
}

/** Issues with at least one unfinished upstream dependency, whichever lanes are involved. */
export function blockedIssues(edges: readonly DependencyEdge[]): Set<string> {
  const blocked = new Set<string>();
  for (const { downstream, blocking } of edges) if (blocking) blocked.add(downstream);
  return blocked;
}

interface KeyOrder {
  project: string;
  number: number;
  key: string;
}

function keyOrder(key: string): KeyOrder {
  const dash = key.lastIndexOf('-');
  const number = Number(key.slice(dash + 1));
  return dash > 0 && Number.isInteger(number)
    ? { project: key.slice(0, dash), number, key }
    : { project: key, number: 0, key };
}

function compareKeyOrder(a: KeyOrder, b: KeyOrder): number {
  if (a.project !== b.project) return a.project < b.project ? -1 : 1;
  if (a.number !== b.number) return a.number - b.number;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Orders keys like people do: by project, then by number (CV-9 before CV-10). */
export function compareKeys(a: string, b: string): number {
  return compareKeyOrder(keyOrder(a), keyOrder(b));
}

/**
 * Handoffs are dependencies that cross lanes. Unclassified (lane null) is a lane of its own;
 * a dependency with a hidden end is always a handoff, since that end's lane is unknown.
 * Sorted blocked first, then by downstream key, then upstream key. `endOf` gives each end's issue with its
 * lane, or undefined for a key missing from the snapshot (its lane is null).
 */
export function describeHandoffs(
  edges: readonly DependencyEdge[],
  endOf: (key: string) => HandoffEnd | undefined,
): HandoffView[] {
  const handoffs: { view: HandoffView; to: KeyOrder; from: KeyOrder }[] = [];
  const orders = new Map<string, KeyOrder>();
  const orderOf = (key: string) => {
    let order = orders.get(key);
    if (!order) orders.set(key, (order = keyOrder(key)));
    return order;
  };
  for (const { upstream, downstream, linkType, blocking, onCycle } of edges) {
    const upstreamEnd = endOf(upstream);
    const downstreamEnd = endOf(downstream);
    const fromLane = upstreamEnd?.lane ?? null;
    const toLane = downstreamEnd?.lane ?? null;
    if (fromLane === toLane && !isHidden(upstreamEnd) && !isHidden(downstreamEnd)) continue;
    const reasons = blockReasons(upstreamEnd, onCycle);
    const view = { from: upstream, to: downstream, fromLane, toLane, linkType, blocked: blocking, reasons };
    handoffs.push({ view, to: orderOf(downstream), from: orderOf(upstream) });
  }
  // Keys are parsed once, not on every comparison: sorting 30,000 handoffs must stay cheap.
  handoffs.sort(
    (a, b) =>
      Number(b.view.blocked) - Number(a.view.blocked) ||
      compareKeyOrder(a.to, b.to) ||
      compareKeyOrder(a.from, b.from),
  );
  return handoffs.map(({ view }) => view);
}
