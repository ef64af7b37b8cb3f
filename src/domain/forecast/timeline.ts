import { parseInstant } from './days';
import type { IssueHistory, WorkCategory } from './model';

/** A status-category change at an instant (ms). */
export interface TimedCategory {
  at: number;
  category: WorkCategory;
}

/** An issue's status categories up to a cut-off, in order, and the two instants cycle time is measured between. */
export interface IssueTimeline {
  /** Oldest first; consecutive repeats of a category collapsed into the first. */
  changes: readonly TimedCategory[];
  /** First move into progress ('indeterminate'), or null when it never started. */
  startedAt: number | null;
  /** The last move into done, when the issue is still done at the cut-off; null otherwise (never done, or reopened). */
  doneAt: number | null;
}

/**
 * An issue's timeline as it stood just before `cutOff` (ms): changes at or after it are not known yet, which is how
 * a forecast "as of" a past date sees only its past. Unsorted or repeated changes are sorted and collapsed.
 */
export function issueTimeline(issue: IssueHistory, cutOff: number): IssueTimeline {
  // Thousands of issues pass through here: each time is parsed once, and sorted only when Jira's order was not kept.
  const { categories } = issue;
  const count = categories.length;
  const times: number[] = [];
  let ordered = true;
  for (let index = 0; index < count; index++) {
    const text = categories[index]?.at ?? '';
    const at = Date.parse(text);
    if (Number.isNaN(at)) parseInstant(text, `${issue.key}: a status change's time`); // throws, naming it
    if (index > 0 && at < (times[index - 1] ?? at)) ordered = false;
    times.push(at);
  }
  const order = ordered ? null : chronological(times);
  const changes: TimedCategory[] = [];
  let startedAt: number | null = null;
  for (let position = 0; position < count; position++) {
    const index = order ? (order[position] ?? position) : position;
    const at = times[index] ?? cutOff;
    const category = categories[index]?.category;
    if (at >= cutOff || category === undefined) continue;
    if (changes[changes.length - 1]?.category === category) continue;
    changes.push({ at, category });
    if (startedAt === null && category === 'indeterminate') startedAt = at;
  }
  const last = changes[changes.length - 1];
  return { changes, startedAt, doneAt: last?.category === 'done' ? last.at : null };
}

/**
 * Indices of `times` in chronological order; ties keep their order (Jira's). An issue has a handful of changes,
 * and for so few an insertion sort is several times faster than Array.prototype.sort; a long history gets the latter.
 */
function chronological(times: readonly number[]): number[] {
  if (times.length > 64) {
    return [...times.keys()].sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
  }
  const order: number[] = [];
  for (let position = 0; position < times.length; position++) {
    const at = times[position] ?? 0;
    let slot = position;
    while (slot > 0 && (times[order[slot - 1] ?? 0] ?? 0) > at) {
      order[slot] = order[slot - 1] ?? 0;
      slot--;
    }
    order[slot] = position;
  }
  return order;
}

/** The spans [from, to) during which the timeline was in `category`, the last one running to `cutOff`. */
export function spansIn(timeline: IssueTimeline, category: WorkCategory, cutOff: number): [number, number][] {
  const spans: [number, number][] = [];
  const { changes } = timeline;
  changes.forEach((change, index) => {
    if (change.category === category) spans.push([change.at, changes[index + 1]?.at ?? cutOff]);
  });
  return spans;
}

/** The spans [from, to) before `cutOff` during which the timeline was not done (including before its first change). */
export function spansNotDone(timeline: IssueTimeline, cutOff: number): [number, number][] {
  const spans: [number, number][] = [];
  let openSince: number | null = Number.NEGATIVE_INFINITY;
  for (const change of timeline.changes) {
    if (change.category === 'done' && openSince !== null) {
      spans.push([openSince, change.at]);
      openSince = null;
    } else if (change.category !== 'done' && openSince === null) {
      openSince = change.at;
    }
  }
  if (openSince !== null) spans.push([openSince, cutOff]);
  return spans;
}
