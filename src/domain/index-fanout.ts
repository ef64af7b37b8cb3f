import type { StatusCategory } from './snapshot';

/*
 * Which issues to recompute after Jira's events. Events are hints, not data: they may come twice and in any
 * order, so the answer is a set of issue ids to recompute from Jira's current state, never values taken from an
 * event. A union of sets does not depend on order or repeats.
 */

/** Jira's events as the board index needs them (ids as Jira sends them: strings of digits). */
export type IndexEvent =
  | { kind: 'issue-created'; issueId: string }
  | {
      kind: 'issue-updated';
      issueId: string;
      /** Present when the status changed; a category we could not read is null (then it may have changed). */
      statusCategory?: { from: StatusCategory | null; to: StatusCategory | null } | undefined;
    }
  | { kind: 'issue-deleted'; issueId: string }
  /** Which end is upstream is not said (Jira's docs do not say which end is the source), nor is the link type. */
  | { kind: 'link-created'; sourceIssueId: string; destinationIssueId: string }
  | { kind: 'link-deleted'; sourceIssueId: string; destinationIssueId: string };

/**
 * The dependencies the caller keeps between events (e.g. in KVS), both ways: a deleted issue's links vanish
 * with it and Jira sends no link events for them, so its downstream issues are found here. JSON-ready; the
 * helpers below never change the object they are given.
 */
export interface LinkIndex {
  /** Upstream id → its downstream ids. */
  readonly downstream: Readonly<Record<string, readonly string[]>>;
  /** Downstream id → its upstream ids (so an issue's links can be replaced). */
  readonly upstream: Readonly<Record<string, readonly string[]>>;
}

export const EMPTY_LINK_INDEX: LinkIndex = Object.freeze({
  downstream: Object.freeze({}),
  upstream: Object.freeze({}),
});

/** The ids `index` lists under `id` (own entries only: ids are data, `__proto__` included). */
function listed(map: Readonly<Record<string, readonly string[]>>, id: string): readonly string[] {
  return Object.hasOwn(map, id) ? map[id]! : [];
}

export function downstreamOf(index: LinkIndex, issueId: string): readonly string[] {
  return listed(index.downstream, issueId);
}

/** Whether an update may have finished or reopened the issue, which changes its downstream issues' state. */
function statusCategoryMayHaveChanged(event: Extract<IndexEvent, { kind: 'issue-updated' }>): boolean {
  const change = event.statusCategory;
  if (!change) return false;
  return change.from === null || change.to === null || change.from !== change.to;
}

/**
 * The issues to recompute after `events`: each created or updated issue; the downstream issues of one whose
 * status category changed; both ends of a created or deleted link; a deleted issue and its downstream issues
 * (the caller finds it gone, and forgets what it stored for it). Sorted, so equal sets compare equal.
 */
export function issuesToRecompute(events: readonly IndexEvent[], index: LinkIndex): string[] {
  const ids = new Set<string>();
  const addDownstream = (id: string) => downstreamOf(index, id).forEach((each) => ids.add(each));
  for (const event of events) {
    switch (event.kind) {
      case 'issue-created':
        ids.add(event.issueId);
        break;
      case 'issue-updated':
        ids.add(event.issueId);
        if (statusCategoryMayHaveChanged(event)) addDownstream(event.issueId);
        break;
      case 'issue-deleted':
        ids.add(event.issueId);
        addDownstream(event.issueId);
        break;
      case 'link-created':
      case 'link-deleted':
        ids.add(event.sourceIssueId);
        ids.add(event.destinationIssueId);
        break;
    }
  }
  return [...ids].sort();
}

/**
 * When a recomputed issue's `asUpstream` (board-index.ts) differs from the one last stored, its downstream
 * issues need recomputing too: its lane or status changed in a way no event named. Undefined `before` (never
 * stored) counts as a change.
 */
export function downstreamAfterRecompute(
  index: LinkIndex,
  issueId: string,
  before: string | undefined,
  after: string | undefined,
): readonly string[] {
  return before === after ? [] : downstreamOf(index, issueId);
}

/** An issue's dependencies as read from Jira just now (by `readDependencies`), by id. */
export interface IssueLinks {
  issueId: string;
  upstreamIds: readonly string[];
  downstreamIds: readonly string[];
}

/**
 * The index with each issue's dependencies replaced by those read from Jira's current state. This is how link
 * events reach the index: both ends of a link are recomputed, and their links read then are recorded here, so a
 * late or repeated event never brings back a deleted link (the event's own content is never recorded). Call it
 * for every issue recomputed and found; for one Jira no longer has, first recompute its downstream issues
 * (`downstreamAfterRecompute` with `after` undefined), then record it with no links.
 */
export function withIssueLinks(index: LinkIndex, issues: readonly IssueLinks[]): LinkIndex {
  const edit = editable(index);
  for (const { issueId, upstreamIds, downstreamIds } of issues) {
    // Read through the edits: an earlier issue of this batch may have linked this one.
    for (const up of edit.upstreamOf(issueId)) edit.remove(up, issueId);
    for (const down of edit.downstreamOf(issueId)) edit.remove(issueId, down);
    for (const up of upstreamIds) if (up !== issueId) edit.add(up, issueId);
    for (const down of downstreamIds) if (down !== issueId) edit.add(issueId, down);
  }
  return edit.done();
}

/** Copy-on-write edits of a LinkIndex: only the ids touched are copied. */
function editable(index: LinkIndex) {
  const downstream = new Map<string, Set<string>>();
  const upstream = new Map<string, Set<string>>();
  const setOf = (
    copies: Map<string, Set<string>>,
    original: Readonly<Record<string, readonly string[]>>,
    id: string,
  ) => {
    let set = copies.get(id);
    if (!set) copies.set(id, (set = new Set(listed(original, id))));
    return set;
  };
  return {
    add(up: string, down: string) {
      setOf(downstream, index.downstream, up).add(down);
      setOf(upstream, index.upstream, down).add(up);
    },
    remove(up: string, down: string) {
      setOf(downstream, index.downstream, up).delete(down);
      setOf(upstream, index.upstream, down).delete(up);
    },
    upstreamOf: (id: string) => [...setOf(upstream, index.upstream, id)],
    downstreamOf: (id: string) => [...setOf(downstream, index.downstream, id)],
    done: (): LinkIndex => ({
      downstream: merged(index.downstream, downstream),
      upstream: merged(index.upstream, upstream),
    }),
  };
}

/** The original entries with the edited ones replaced (an emptied entry is dropped), sorted for stable JSON. */
function merged(
  original: Readonly<Record<string, readonly string[]>>,
  edits: ReadonlyMap<string, ReadonlySet<string>>,
): Record<string, readonly string[]> {
  const entries: [string, readonly string[]][] = Object.entries(original).filter(([id]) => !edits.has(id));
  for (const [id, ids] of edits) if (ids.size > 0) entries.push([id, [...ids].sort()]);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
