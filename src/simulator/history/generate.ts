import type { ChangelogEntryInput } from '../changelog';
import type { Workspace } from '../workspace';
import {
  addWorkingDays,
  sprintWorkingDays,
  workingInstant,
  workingWindow,
  type SprintSpec,
  type WorkingDay,
} from './calendar';
import {
  DEFAULT_HISTORY_PROCESS,
  laneRate,
  type HistoryProcess,
  type LaneId,
  type LaneProcess,
} from './process';
import { Random } from './random';

/**
 * A board's past, generated: done issues per lane moving To Do → In Progress (→ In Review) → Done inside the
 * given closed sprints, carried over from sprint to sprint while unfinished, some reopened, flagged or
 * re-estimated on the way, and bugs filed against some of them afterwards. A pure function of its options:
 * the same options (seed included) give the same issues. The process is `process.ts`'s.
 */

type IssueInput = Workspace['issues'][number];
type LinkInput = NonNullable<Workspace['links']>[number];

export interface HistoryOptions {
  seed: number;
  /** The closed sprints to fill, oldest first, back to back. */
  sprints: readonly SprintSpec[];
  /** The site's time zone: working days and hours are counted there. */
  timeZone: string;
  /** The site's clock: no bug is filed after it. */
  now: string;
  projectKey: string;
  /** Issue keys `PROJECT-n` for n = 1, 2, … skipping `takenNumbers`; issue ids are `idBase + n`. */
  keys: { idBase: number; takenNumbers?: ReadonlySet<number> };
  /** The board's estimation field (story points), or null when the board counts issues. */
  storyPointsFieldId: string | null;
  /** Who moves the work (per lane) and who plans and closes sprints (account ids). */
  people: { scrumMaster: string; byLane: Readonly<Record<LaneId, readonly string[]>> };
  /** Components the lane's issues may carry (they must classify into the same lane). */
  components?: Partial<Readonly<Record<LaneId, readonly string[]>>>;
  process?: HistoryProcess;
  /** Exactly this many done issues, the lanes' daily rates conditioned on that total; Poisson counts when left out. */
  doneIssues?: number;
}

export interface GeneratedHistory {
  /** Done issues and the bugs filed against them, in key order (oldest first). */
  issues: IssueInput[];
  /** Each bug "relates to" the done issue it was found in. */
  links: LinkInput[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const VERBS = ['Prepare', 'Refine', 'Review', 'Extend', 'Measure', 'Stabilise', 'Document', 'Automate'];

interface Draft {
  created: number;
  issue: Omit<IssueInput, 'key' | 'id' | 'created' | 'projectKey'>;
  /** When a done issue was done for good. */
  resolved?: number;
  /** Index of the done issue a bug was filed against. */
  bugOf?: number;
}

export function generateHistory(options: HistoryOptions): GeneratedHistory {
  const process = options.process ?? DEFAULT_HISTORY_PROCESS;
  const random = new Random(options.seed);
  const days = sprintWorkingDays(options.sprints, options.timeZone);
  if (days.length === 0) throw new Error('The sprints hold no working day to put history in.');
  const completions =
    options.doneIssues === undefined
      ? poissonCounts(process, days, random)
      : conditionedCounts(process, days, options.doneIssues, random);

  const drafts: Draft[] = [];
  const serial = new Map<LaneId, number>();
  for (const [dayIndex, lane] of completions) {
    const n = (serial.get(lane.lane) ?? 0) + 1;
    serial.set(lane.lane, n);
    drafts.push(doneIssue(options, process, random, days, dayIndex, lane, n));
  }
  const now = Date.parse(options.now);
  const doneCount = drafts.length;
  for (let i = 0; i < doneCount; i++) {
    const done = drafts[i];
    if (done?.resolved === undefined || !random.chance(process.defectShare)) continue;
    const created = done.resolved + random.between(0.5, process.defectDelayDays) * DAY;
    if (created > now) continue;
    drafts.push({
      created,
      bugOf: i,
      issue: {
        summary: `Defect found after "${done.issue.summary}"`,
        issueType: 'Bug',
        status: 'To Do',
        labels: [...(done.issue.labels ?? [])],
        priority: random.chance(0.3) ? 'High' : 'Medium',
      },
    });
  }
  return assignKeys(options, drafts);
}

/** [working-day index, lane] per done issue, day by day: Poisson counts at each lane's rate. */
function poissonCounts(process: HistoryProcess, days: WorkingDay[], random: Random): [number, LaneProcess][] {
  const out: [number, LaneProcess][] = [];
  days.forEach((_, d) => {
    for (const lane of process.lanes) {
      const count = random.poisson(laneRate(process, lane, days.length - 1 - d));
      for (let k = 0; k < count; k++) out.push([d, lane]);
    }
  });
  return out;
}

/** Exactly `total` done issues, each on a lane and day with probability proportional to the rate there. */
function conditionedCounts(
  process: HistoryProcess,
  days: WorkingDay[],
  total: number,
  random: Random,
): [number, LaneProcess][] {
  const cells: [number, LaneProcess][] = [];
  const cumulative: number[] = [];
  let sum = 0;
  days.forEach((_, d) => {
    for (const lane of process.lanes) {
      sum += laneRate(process, lane, days.length - 1 - d);
      cells.push([d, lane]);
      cumulative.push(sum);
    }
  });
  const counts = new Array<number>(cells.length).fill(0);
  for (let i = 0; i < Math.max(0, Math.floor(total)); i++) {
    const u = random.uniform() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? 0) > u) high = mid;
      else low = mid + 1;
    }
    counts[low] = (counts[low] ?? 0) + 1;
  }
  return cells.flatMap((cell, i) => Array.from({ length: counts[i] ?? 0 }, () => cell));
}

function doneIssue(
  options: HistoryOptions,
  process: HistoryProcess,
  random: Random,
  days: WorkingDay[],
  dayIndex: number,
  lane: LaneProcess,
  serial: number,
): Draft {
  const tz = options.timeZone;
  const sprints = options.sprints;
  const day = days[dayIndex] as WorkingDay;
  const doneAt = Math.floor(random.between(day.open + 20 * MINUTE, day.close));
  const cycleDays = Math.min(process.maxCycleDays, random.geometric(1 / lane.meanCycleDays));
  const startIndex = dayIndex - (cycleDays - 1);
  const startDay =
    startIndex >= 0
      ? (days[startIndex] as WorkingDay)
      : { ...workingWindow(addWorkingDays(day.date, -(cycleDays - 1)), tz), sprintIndex: -1 };
  const startAt = Math.floor(
    cycleDays === 1
      ? random.between(day.open, doneAt - 10 * MINUTE)
      : random.between(startDay.open, startDay.close),
  );
  const created = startAt - Math.floor(random.between(0.5 * HOUR, 8 * DAY));
  const assignee = random.pick(options.people.byLane[lane.lane]);
  const planner = options.people.scrumMaster;
  const entries: { at: number; by: string; changes: ChangelogEntryInput['changes'] }[] = [];
  const add = (at: number, by: string, ...changes: ChangelogEntryInput['changes']) =>
    entries.push({ at, by, changes });

  // Sprints: planned into the sprint it started in (or the first), carried over at each sprint's close.
  const first = Math.max(0, startDay.sprintIndex);
  const last = day.sprintIndex;
  const firstSprint = sprints[first] as SprintSpec;
  const plannedAt = Math.max(created + 2 * MINUTE, Date.parse(firstSprint.startDate) - 15 * MINUTE);
  const ids = sprints.slice(first, last + 1).map((s) => s.id);
  add(plannedAt, planner, { kind: 'sprint', from: [], to: ids.slice(0, 1) });
  for (let s = first; s < last; s++)
    add(Date.parse((sprints[s] as SprintSpec).completeDate), planner, {
      kind: 'sprint',
      from: ids.slice(0, s - first + 1),
      to: ids.slice(0, s - first + 2),
    });

  const points = random.pick(lane.points);
  const fields: Record<string, number> = {};
  if (options.storyPointsFieldId !== null && points !== null) {
    fields[options.storyPointsFieldId] = points;
    if (random.chance(process.reestimateShare)) {
      const before = random.pick(lane.points.filter((p) => p !== points && p !== null));
      if (before !== undefined)
        add(plannedAt + MINUTE, planner, {
          kind: 'field',
          fieldId: options.storyPointsFieldId,
          from: before,
          to: points,
        });
    }
  }

  // The workflow: into progress, maybe done once and reopened, maybe through review, done.
  const span = doneAt - startAt;
  let status = 'To Do';
  const move = (at: number, to: string) => {
    add(at, assignee, { kind: 'status', from: status, to });
    status = to;
  };
  // Moves between start and done happen in working hours, like the start and the done.
  const between = (from: number, to: number) => workingInstant(random.uniform(), from, to, tz);
  const finish = (from: number, to: number) => {
    if (random.chance(lane.reviewShare)) move(between(from, to), 'In Review');
    move(to, 'Done');
  };
  move(startAt, 'In Progress');
  if (span > DAY && random.chance(process.reopenShare)) {
    // Done once 30–60% of the way through its working hours, reopened before 80%.
    const doneShare = random.between(0.3, 0.6);
    const firstDone = workingInstant(doneShare, startAt, doneAt, tz);
    finish(startAt + MINUTE, firstDone);
    const reopened = Math.max(
      firstDone + MINUTE,
      workingInstant(random.between(doneShare + 0.05, 0.8), startAt, doneAt, tz),
    );
    move(reopened, 'In Progress');
    finish(reopened + MINUTE, doneAt);
  } else {
    finish(startAt + MINUTE, doneAt);
  }

  if (random.chance(process.flaggedShare)) {
    const on = startAt + Math.floor(span * random.between(0.05, 0.5));
    const off = Math.min(on + random.int(1, process.maxFlaggedDays) * DAY, doneAt - 5 * MINUTE);
    if (off > on) {
      add(on, assignee, { kind: 'flag', on: true });
      add(off, assignee, { kind: 'flag', on: false });
    }
  }

  entries.sort((a, b) => a.at - b.at);
  const noun = random.pick(lane.nouns);
  const components = options.components?.[lane.lane] ?? [];
  return {
    created,
    resolved: doneAt,
    issue: {
      summary: `${random.pick(VERBS)} ${noun} #${serial}`,
      issueType: random.chance(0.15) ? 'Task' : 'Story',
      status: 'Done',
      labels: [random.pick(lane.labels)],
      components: components.length > 0 && random.chance(0.5) ? [random.pick(components)] : [],
      sprintIds: ids,
      fields,
      changelog: entries.map((e) => ({ at: new Date(e.at).toISOString(), by: e.by, changes: e.changes })),
    },
  };
}

/** Keys in order of creation, skipping numbers already taken; bugs link to the issue they were found in. */
function assignKeys(options: HistoryOptions, drafts: Draft[]): GeneratedHistory {
  const order = drafts
    .map((_, i) => i)
    .sort((a, b) => (drafts[a]?.created ?? 0) - (drafts[b]?.created ?? 0) || a - b);
  const keys = new Array<string>(drafts.length);
  const taken = options.keys.takenNumbers ?? new Set<number>();
  let n = 0;
  const issues: IssueInput[] = [];
  for (const index of order) {
    do n++;
    while (taken.has(n));
    const draft = drafts[index] as Draft;
    const key = `${options.projectKey}-${n}`;
    keys[index] = key;
    issues.push({
      key,
      id: String(options.keys.idBase + n),
      projectKey: options.projectKey,
      created: new Date(draft.created).toISOString(),
      ...draft.issue,
    });
  }
  const links: LinkInput[] = drafts.flatMap((draft, i) =>
    draft.bugOf === undefined
      ? []
      : [{ type: 'Relates', outward: keys[i] ?? '', inward: keys[draft.bugOf] ?? '' }],
  );
  return { issues, links };
}
