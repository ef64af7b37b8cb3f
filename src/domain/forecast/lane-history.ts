import { isoDate, parseInstant, SiteCalendar } from './days';
import type { BoardHistory, ClosedSprint, IssueHistory } from './model';
import { percentile } from './percentile';
import { issueTimeline, spansIn, spansNotDone } from './timeline';
import type { IssueTimeline } from './timeline';

/** What one closed sprint saw a lane finish: issues whose holding done date falls in [startDate, completeDate]. */
export interface SprintCompletion {
  sprintId: number;
  points: number;
  issues: number;
  /** Of `issues`, those without story points (they count as 0 points). */
  unestimated: number;
}

/** One lane's samples from the board's history. */
export interface LaneSamples {
  lane: string;
  /** The lane's issues done in the window (what its column of `dailyDone` adds up to). */
  doneIssues: number;
  /** Cycle times in days, ascending: first move into progress to the last move into done that holds, + 1. */
  cycleTimes: readonly number[];
  cycleTimeP50: number | null;
  cycleTimeP85: number | null;
  /** Calendar days the lane's issues were blocked (flagged, or waiting on an unfinished upstream) while in progress. */
  blockedDays: number;
  /** One entry per `LaneHistory.sprints`, same order. */
  completedPerSprint: readonly SprintCompletion[];
}

/**
 * Each lane's history, derived from a `BoardHistory`. Throughput is a joint matrix: row d is working day
 * `days[d]`, column l is lane `laneIds[l]`, so a simulation draws one historical day for all lanes together.
 */
export interface LaneHistory {
  timeZone: string;
  window: { from: string; to: string };
  /** The window's working days, oldest first (YYYY-MM-DD in `timeZone`). Non-working days are not sampled. */
  days: readonly string[];
  /** Lane ids: the columns of `dailyDone` and the order of `lanes`. */
  laneIds: readonly string[];
  /**
   * dailyDone[d][l]: issues of lane l done on working day d (zeros kept). An issue done on a non-working day counts
   * on the next working day (the window's last one at its end), so no finished work is dropped.
   */
  dailyDone: readonly (readonly number[])[];
  lanes: readonly LaneSamples[];
  /** The closed sprints inside the window, oldest first (the order of `completedPerSprint`). */
  sprints: readonly ClosedSprint[];
  /** What was left out or assumed here, in words (besides `BoardHistory.warnings`). */
  warnings: readonly string[];
}

/**
 * Derives each lane's history from the board's. Only what happened before `window.to` is used (a forecast as of a
 * past date sees only its past); issues count as done in the window when they were still done then.
 */
export function deriveLaneHistory(history: BoardHistory): LaneHistory {
  const calendar = new SiteCalendar(history.timeZone, history.workingDays);
  const from = parseInstant(history.window.from, "The history window's start");
  const to = parseInstant(history.window.to, "The history window's end");
  if (to <= from) {
    throw new RangeError(
      `The history window ends (${history.window.to}) before it starts (${history.window.from})`,
    );
  }
  const warnings: string[] = [];
  const firstDay = calendar.dayOf(from);
  const { days, rowOfDay } = workingRows(calendar, firstDay, calendar.dayOf(to - 1));
  if (days.length === 0) {
    warnings.push('The history window holds no working day, so there is no daily throughput to sample');
  }
  const sprints = sprintsInWindow(history.closedSprints, from, to);
  if (sprints.begunBefore.length > 0) {
    warnings.push(
      `${count(sprints.begunBefore.length, 'closed sprint')} began before the history window (${isoDate(firstDay)}) ` +
        `and ${sprints.begunBefore.length === 1 ? 'is' : 'are'} not sampled for completed work: ${sprints.begunBefore.join(', ')}`,
    );
  }

  const timelines = new Map<string, IssueTimeline>();
  for (const issue of history.issues) {
    if (timelines.has(issue.key)) {
      warnings.push(`${issue.key} appears twice in the history; the first is used`);
    } else {
      timelines.set(issue.key, issueTimeline(issue, to));
    }
  }
  const laneIds = [...history.lanes];
  const laneIndex = new Map(laneIds.map((lane, index) => [lane, index]));
  const dailyDone = days.map(() => laneIds.map(() => 0));
  const lanes = laneIds.map((lane) => ({
    lane,
    doneIssues: 0,
    cycleTimes: [] as number[],
    blockedDays: 0,
    completedPerSprint: sprints.sampled.map((sprint) => ({
      sprintId: sprint.id,
      points: 0,
      issues: 0,
      unestimated: 0,
    })),
  }));
  const unlisted = new Set<string>();
  const seen = new Set<string>();

  for (const issue of history.issues) {
    if (seen.has(issue.key) || issue.lane === null) continue;
    seen.add(issue.key);
    const index = laneIndex.get(issue.lane);
    const lane = index === undefined ? undefined : lanes[index];
    const timeline = timelines.get(issue.key);
    if (index === undefined || lane === undefined || timeline === undefined) {
      unlisted.add(issue.lane);
      continue;
    }
    const { startedAt, doneAt } = timeline;
    const doneInWindow = doneAt !== null && doneAt >= from;
    if (doneAt !== null && doneInWindow) {
      const doneDay = calendar.dayOf(doneAt);
      lane.doneIssues++;
      const row = rowOfDay[doneDay - firstDay];
      const counts = row === undefined ? undefined : dailyDone[row];
      if (counts) counts[index] = (counts[index] ?? 0) + 1;
      if (startedAt !== null) lane.cycleTimes.push(doneDay - calendar.dayOf(startedAt) + 1);
      sprints.sampled.forEach((sprint, sprintIndex) => {
        const completion = lane.completedPerSprint[sprintIndex];
        const inSprint =
          issue.sprintIds.includes(sprint.id) && doneAt >= sprint.start && doneAt <= sprint.complete;
        if (!completion || !inSprint) return;
        completion.issues++;
        completion.points += issue.storyPoints ?? 0;
        if (issue.storyPoints === null) completion.unestimated++;
      });
    }
    // Done issues over their whole cycle, unfinished ones up to the window's end; not those done before the window.
    if (doneAt === null || doneInWindow) {
      lane.blockedDays += blockedDays(issue, timeline, timelines, calendar, to);
    }
  }
  if (unlisted.size > 0) {
    warnings.push(`Issues in lanes the board does not list are left out: ${[...unlisted].sort().join(', ')}`);
  }

  return {
    timeZone: history.timeZone,
    window: { from: history.window.from, to: history.window.to },
    days,
    laneIds,
    dailyDone,
    lanes: lanes.map((lane) => {
      const cycleTimes = lane.cycleTimes.sort((a, b) => a - b);
      const hasSamples = cycleTimes.length > 0;
      return {
        ...lane,
        cycleTimes,
        cycleTimeP50: hasSamples ? percentile(cycleTimes, 50) : null,
        cycleTimeP85: hasSamples ? percentile(cycleTimes, 85) : null,
      };
    }),
    sprints: sprints.sampled.map((sprint) => sprint.sprint),
    warnings,
  };
}

/**
 * The window's working days, and for each calendar day (from `firstDay`) the row its completions count on: its
 * own when it is a working day, else the next working day's, else (at the window's end) the last working day's.
 */
function workingRows(
  calendar: SiteCalendar,
  firstDay: number,
  lastDay: number,
): { days: string[]; rowOfDay: (number | undefined)[] } {
  const days: string[] = [];
  const rowOfDay: (number | undefined)[] = [];
  let pending = 0; // non-working days waiting for the next working day
  for (let day = firstDay; day <= lastDay; day++) {
    if (calendar.isWorkingDay(day)) {
      for (; pending > 0; pending--) rowOfDay.push(days.length);
      rowOfDay.push(days.length);
      days.push(isoDate(day));
    } else {
      pending++;
    }
  }
  for (; pending > 0; pending--) rowOfDay.push(days.length > 0 ? days.length - 1 : undefined);
  return { days, rowOfDay };
}

interface SampledSprint {
  sprint: ClosedSprint;
  id: number;
  start: number;
  complete: number;
}

/**
 * The closed sprints whose work the history holds: started in the window and closed before its end, oldest first.
 * One that began before the window would be judged on part of its done work, so it is named instead; one closed
 * after the window's end was not closed yet as of then.
 */
function sprintsInWindow(
  closedSprints: readonly ClosedSprint[],
  from: number,
  to: number,
): { sampled: SampledSprint[]; begunBefore: string[] } {
  const sampled: SampledSprint[] = [];
  const begunBefore: string[] = [];
  for (const sprint of closedSprints) {
    const start = parseInstant(sprint.startDate, `Sprint "${sprint.name}" start date`);
    const complete = parseInstant(sprint.completeDate, `Sprint "${sprint.name}" complete date`);
    if (complete >= to) continue;
    if (start < from) {
      if (complete >= from) begunBefore.push(sprint.name);
      continue;
    }
    sampled.push({ sprint, id: sprint.id, start, complete });
  }
  sampled.sort((a, b) => a.complete - b.complete);
  return { sampled, begunBefore };
}

/**
 * Calendar days on which the issue was in progress and blocked at some point: flagged, or waiting on an upstream
 * issue (from the history) that was not done. As in jirametrics, a day counts once however many blockers it had.
 */
function blockedDays(
  issue: IssueHistory,
  timeline: IssueTimeline,
  timelines: ReadonlyMap<string, IssueTimeline>,
  calendar: SiteCalendar,
  cutOff: number,
): number {
  const inProgress = spansIn(timeline, 'indeterminate', cutOff);
  if (inProgress.length === 0) return 0;
  const blockers: [number, number][] = issue.flagged.map((span) => [
    parseInstant(span.from, `${issue.key}: when it was flagged`),
    span.to === null ? cutOff : parseInstant(span.to, `${issue.key}: when its flag was cleared`),
  ]);
  for (const key of issue.upstreamKeys) {
    const upstream = key === issue.key ? undefined : timelines.get(key);
    if (upstream) blockers.push(...spansNotDone(upstream, cutOff));
  }
  const blocked: [number, number][] = [];
  for (const [start, end] of inProgress) {
    for (const [from, to] of blockers) {
      const overlap: [number, number] = [Math.max(start, from), Math.min(end, to, cutOff)];
      if (overlap[1] > overlap[0]) blocked.push(overlap);
    }
  }
  blocked.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let lastCounted = Number.NEGATIVE_INFINITY;
  for (const [from, to] of blocked) {
    const first = Math.max(calendar.dayOf(from), lastCounted + 1);
    const last = calendar.dayOf(to - 1);
    if (last >= first) total += last - first + 1;
    lastCounted = Math.max(lastCounted, last);
  }
  return total;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
