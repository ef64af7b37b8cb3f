import type { ChangelogEntryInput } from '../changelog';
import type { Workspace } from '../workspace';
import { workingInstant } from './calendar';
import { Random } from './random';

/**
 * Histories for hand-written issues that have none, consistent with where they are now: created, planned into
 * their sprints (carried over when they sit in two), and moved through the workflow to their current status
 * at working hours between their sprint's start and its close (or the site's clock; issues in no dated sprint
 * moved during the week before the clock). Issues keep their status,
 * sprints and fields; only `created` and `changelog` are added. Seeded and pure.
 */

type IssueInput = Workspace['issues'][number];
type SprintInput = Workspace['sprints'][number];

export interface BackfillOptions {
  seed: number;
  timeZone: string;
  now: string;
  sprints: readonly SprintInput[];
  /** Status name → category; statuses are walked To Do → In Progress → In Review → Done. */
  categories: ReadonlyMap<string, 'new' | 'indeterminate' | 'done'>;
  scrumMaster: string;
  /** Who moves the work. */
  team: readonly string[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function backfillHistory(issues: readonly IssueInput[], options: BackfillOptions): IssueInput[] {
  const random = new Random(options.seed);
  const now = Date.parse(options.now);
  const sprints = new Map(options.sprints.map((s) => [s.id, s]));
  const byKey = new Map(issues.map((issue) => [issue.key, issue]));
  return issues.map((issue) => {
    if ((issue.changelog ?? []).length > 0 || issue.created != null) return issue;
    const own = issue.sprintIds ?? [];
    const parent = issue.parentKey == null ? undefined : byKey.get(issue.parentKey);
    const inSprints = (issue.subtask ? (parent?.sprintIds ?? []) : own)
      .map((id) => sprints.get(id))
      .filter((s): s is SprintInput => s !== undefined)
      .sort((a, b) => Date.parse(a.startDate ?? options.now) - Date.parse(b.startDate ?? options.now));
    const entries: { at: number; by: string; changes: ChangelogEntryInput['changes'] }[] = [];
    const first = inSprints[0];
    const last = inSprints[inSprints.length - 1];
    const firstStart = first?.startDate == null ? undefined : Date.parse(first.startDate);

    // Planned into its first sprint (future sprints: planned in the last few days), carried over since.
    if (!issue.subtask && first) {
      const plannedAt =
        firstStart === undefined ? now - Math.floor(random.between(1, 4) * DAY) : firstStart - 15 * MINUTE;
      entries.push({
        at: plannedAt,
        by: options.scrumMaster,
        changes: [{ kind: 'sprint', from: [], to: [first.id] }],
      });
      inSprints.slice(1).forEach((sprint, i) => {
        const before = inSprints[i];
        const closed = before?.completeDate ?? before?.endDate;
        if (closed == null) return;
        const from = inSprints.slice(0, i + 1).map((s) => s.id);
        entries.push({
          at: Date.parse(closed),
          by: options.scrumMaster,
          changes: [{ kind: 'sprint', from, to: [...from, sprint.id] }],
        });
      });
    }

    const category = options.categories.get(issue.status) ?? 'new';
    const path =
      category === 'new'
        ? []
        : category === 'done'
          ? ['In Progress', ...(random.chance(0.4) ? ['In Review'] : []), issue.status]
          : issue.status === 'In Progress'
            ? ['In Progress']
            : ['In Progress', issue.status];
    const from = firstStart === undefined ? now - 7 * DAY : firstStart + 30 * MINUTE;
    const closedAt = last?.state === 'closed' && category === 'done' ? last.completeDate : null;
    const to = closedAt == null ? now - HOUR : Date.parse(closedAt) - 30 * MINUTE;
    let status = 'To Do';
    for (const at of workingInstants(random, path.length, from, to, options.timeZone)) {
      const next = path.shift() ?? status;
      entries.push({
        at,
        by: random.pick(options.team),
        changes: [{ kind: 'status', from: status, to: next }],
      });
      status = next;
    }

    entries.sort((a, b) => a.at - b.at);
    const earliest = entries[0]?.at ?? now - Math.floor(random.between(3, 40) * DAY);
    const created = earliest - Math.floor(random.between(1 * HOUR, 6 * DAY));
    return {
      ...issue,
      created: new Date(created).toISOString(),
      changelog: entries.map((e) => ({ at: new Date(e.at).toISOString(), by: e.by, changes: e.changes })),
    };
  });
}

/** `count` instants in working hours between `from` and `to`, in order. */
function workingInstants(
  random: Random,
  count: number,
  from: number,
  to: number,
  timeZone: string,
): number[] {
  return Array.from({ length: count }, () => workingInstant(random.uniform(), from, to, timeZone)).sort(
    (a, b) => a - b,
  );
}
