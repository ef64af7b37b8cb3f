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
  const timed: TimedCategory[] = [];
  for (const change of issue.categories) {
    const at = parseInstant(change.at, `${issue.key}: a status change's time`);
    if (at < cutOff) timed.push({ at, category: change.category });
  }
  timed.sort((a, b) => a.at - b.at); // stable: changes at the same instant keep Jira's order
  const changes: TimedCategory[] = [];
  for (const change of timed) {
    if (changes[changes.length - 1]?.category !== change.category) changes.push(change);
  }
  const last = changes[changes.length - 1];
  return {
    changes,
    startedAt: changes.find((change) => change.category === 'indeterminate')?.at ?? null,
    doneAt: last?.category === 'done' ? last.at : null,
  };
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
