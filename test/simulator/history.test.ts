import { defaultConfig } from '../../src/config/defaults';
import { CV_LABELING_KEY } from '../../src/simulator/workspaces/cv-labeling-evidence';
import { classifyIssues } from '../../src/domain/lanes';
import type { IssueSnapshot } from '../../src/domain/snapshot';
import {
  CV_BOARD_ID,
  CV_HISTORY_SPRINT_IDS,
  CV_SPRINTS,
  cvWorkspace,
  DEFAULT_HISTORY_PROCESS,
  DEMO_NOW,
  demoSite,
  generateHistory,
  mergeWorkspaces,
  parseWorkspace,
  recommendationsWorkspace,
  sprintsBefore,
  syntheticHistoryWorkspace,
  SYNTHETIC_SPRINTS,
  type GenerateHistoryOptions,
  type HistoryProcess,
  type LaneId,
} from '../../src/simulator';
import {
  dayIn,
  isWeekday,
  mean,
  resolvedAt,
  doneMoves,
  startedAt,
  variance,
  wasFlagged,
  wasReestimated,
  weekdaysBetween,
  type IssueInput,
} from './history-truth';

/**
 * The history generator against its stated process (`DEFAULT_HISTORY_PROCESS`), with the truth computed here
 * from the parameters and the history read from the changelogs; then the demo site's history.
 */

const TZ = 'Europe/Berlin';
const P = DEFAULT_HISTORY_PROCESS;
const laneOfLabel = new Map(
  P.lanes.flatMap((lane) => lane.labels.map((label) => [label, lane.lane] as const)),
);
const laneOf = (issue: IssueInput): LaneId | undefined => laneOfLabel.get(issue.labels?.[0] ?? '');
const isBug = (issue: IssueInput) => issue.issueType === 'Bug';
const withinSe = (value: number, expected: number, se: number, k = 4) =>
  expect(Math.abs(value - expected)).toBeLessThanOrEqual(k * se);

/** 60 back-to-back sprints (600 working days) ending before 2026-11-23. */
const LONG_SPRINTS = sprintsBefore({ startDate: '2026-11-23T09:00:00.000Z' }, 60, {
  lastId: 1060,
  lastNumber: 60,
  prefix: 'Long sprint',
});

function longRun(process: HistoryProcess, seed = 3) {
  const options: GenerateHistoryOptions = {
    seed,
    sprints: LONG_SPRINTS,
    timeZone: TZ,
    now: '2027-06-01T00:00:00.000Z',
    projectKey: 'LONG',
    keys: { idBase: 50000 },
    storyPointsFieldId: 'customfield_1',
    people: {
      scrumMaster: 'sm',
      byLane: { data: ['d1', 'd2'], model: ['m'], code: ['c'], test: ['t'], deploy: ['p'] },
    },
    process,
  };
  return generateHistory(options);
}

const historyDays = weekdaysBetween(
  dayIn(Date.parse(LONG_SPRINTS[0]?.startDate ?? ''), TZ),
  dayIn(Date.parse(LONG_SPRINTS.at(-1)?.completeDate ?? ''), TZ),
);

/** Done issues per lane and working day (zeros kept), by the day of their last move into done. */
function dailyThroughput(issues: IssueInput[], days: string[]): Map<LaneId, number[]> {
  const index = new Map(days.map((day, i) => [day, i]));
  const counts = new Map(P.lanes.map((lane) => [lane.lane, new Array<number>(days.length).fill(0)]));
  for (const issue of issues) {
    const done = resolvedAt(issue);
    const lane = laneOf(issue);
    if (done === null || lane === undefined || isBug(issue)) continue;
    const i = index.get(dayIn(done, TZ));
    if (i === undefined) throw new Error(`${issue.key} was done outside the history's working days`);
    const lane_ = counts.get(lane);
    if (lane_) lane_[i] = (lane_[i] ?? 0) + 1;
  }
  return counts;
}

describe('the generator follows its stated process', () => {
  const steady = { ...P, slowdown: { ...P.slowdown, workingDays: 0 } };
  const history = longRun(steady);
  const done = history.issues.filter((i) => !isBug(i));

  test('a pure function of its options: the same seed gives the same JSON, another seed another history', () => {
    expect(JSON.stringify(longRun(steady))).toBe(JSON.stringify(history));
    expect(JSON.stringify(longRun(steady, 4))).not.toBe(JSON.stringify(history));
    expect(JSON.stringify(demoSite())).toBe(JSON.stringify(demoSite()));
  });

  test('daily throughput per lane: the stated Poisson mean (within 4 standard errors), variance ≈ mean', () => {
    expect(historyDays).toHaveLength(600);
    const throughput = dailyThroughput(done, historyDays);
    for (const lane of P.lanes) {
      const samples = throughput.get(lane.lane) ?? [];
      const rate = lane.throughputPerDay;
      withinSe(mean(samples), rate, Math.sqrt(rate / samples.length));
      // Poisson: the dispersion index (variance / mean) is 1, with standard error √(2 / n).
      withinSe(variance(samples) / mean(samples), 1, Math.sqrt(2 / samples.length));
    }
  });

  test('cycle time in working days (both ends counted): the stated geometric mean per lane', () => {
    for (const lane of P.lanes) {
      const cycles = done
        .filter((issue) => laneOf(issue) === lane.lane)
        .map((issue) => {
          const start = startedAt(issue);
          const end = resolvedAt(issue);
          if (start === null || end === null) throw new Error(`${issue.key} has no start or end`);
          return weekdaysBetween(dayIn(start, TZ), dayIn(end, TZ)).length;
        });
      const p = 1 / lane.meanCycleDays;
      expect(Math.min(...cycles)).toBe(1);
      withinSe(mean(cycles), lane.meanCycleDays, Math.sqrt(1 - p) / p / Math.sqrt(cycles.length));
    }
  });

  test('reopened, flagged, re-estimated and defect shares match the process', () => {
    const cycle = (issue: IssueInput) =>
      weekdaysBetween(dayIn(startedAt(issue) ?? 0, TZ), dayIn(resolvedAt(issue) ?? 0, TZ)).length;
    const share = (items: IssueInput[], has: (issue: IssueInput) => boolean) =>
      items.filter(has).length / items.length;
    const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
    const reopened = (issue: IssueInput) => doneMoves(issue).length > 1;
    // Work done within a day is never reopened; work spanning three working days or more is, at the stated rate.
    expect(done.filter((issue) => cycle(issue) === 1).some(reopened)).toBe(false);
    const long = done.filter((issue) => cycle(issue) >= 3);
    withinSe(share(long, reopened), P.reopenShare, se(P.reopenShare, long.length));
    const multiDay = done.filter((issue) => cycle(issue) >= 2);
    withinSe(share(multiDay, wasFlagged), P.flaggedShare, se(P.flaggedShare, multiDay.length));
    const estimated = done.filter((issue) => Object.keys(issue.fields ?? {}).length > 0);
    withinSe(share(estimated, wasReestimated), P.reestimateShare, se(P.reestimateShare, estimated.length));
    const bugs = history.issues.filter(isBug);
    withinSe(bugs.length / done.length, P.defectShare, se(P.defectShare, done.length));
    // Each bug relates to the done issue it was found in, and was filed after that issue was done.
    const byKey = new Map(history.issues.map((i) => [i.key, i]));
    expect(history.links).toHaveLength(bugs.length);
    for (const link of history.links) {
      const bug = byKey.get(link.outward);
      const found = byKey.get(link.inward);
      expect(link.type).toBe('Relates');
      expect(bug && isBug(bug)).toBe(true);
      expect(Date.parse(bug?.created ?? '')).toBeGreaterThan(resolvedAt(found ?? bug!) ?? Infinity);
    }
  });

  test('the slowdown runs its lane at the stated factor on its days, and no other lane', () => {
    const slowDays = 200;
    const slowed = longRun({ ...P, slowdown: { lane: 'data', factor: 0.5, workingDays: slowDays } }, 5);
    const throughput = dailyThroughput(
      slowed.issues.filter((i) => !isBug(i)),
      historyDays,
    );
    for (const lane of P.lanes) {
      const samples = throughput.get(lane.lane) ?? [];
      const before = mean(samples.slice(0, -slowDays));
      const during = mean(samples.slice(-slowDays));
      const factor = lane.lane === 'data' ? 0.5 : 1;
      const rate = lane.throughputPerDay;
      withinSe(during, rate * factor, Math.sqrt((rate * factor) / slowDays));
      withinSe(before, rate, Math.sqrt(rate / (samples.length - slowDays)));
    }
  });

  test('doneIssues: exactly that many done issues, spread over the lanes in proportion to their rates', () => {
    const ws = syntheticHistoryWorkspace({ doneIssues: 2000, seed: 9 });
    const closedSprint = (id: number) => id < SYNTHETIC_SPRINTS.active;
    const past = ws.issues.filter(
      (i) => (i.sprintIds ?? []).length > 0 && (i.sprintIds ?? []).every(closedSprint),
    );
    expect(past).toHaveLength(2000);
    const days = 60;
    const slowed = P.slowdown.workingDays;
    const weight = (lane: (typeof P.lanes)[number]) =>
      lane.throughputPerDay * (days - slowed) +
      lane.throughputPerDay * (lane.lane === P.slowdown.lane ? P.slowdown.factor : 1) * slowed;
    const total = P.lanes.reduce((sum, lane) => sum + weight(lane), 0);
    for (const lane of P.lanes) {
      const p = weight(lane) / total;
      const share = past.filter((i) => laneOf(i) === lane.lane).length / past.length;
      withinSe(share, p, Math.sqrt((p * (1 - p)) / past.length));
    }
    expect(() => parseWorkspace(ws)).not.toThrow();
  });
});

describe('the demo site’s history', () => {
  const demo = demoSite();
  const baseline = mergeWorkspaces(cvWorkspace(), recommendationsWorkspace());
  const handWritten = new Set(baseline.issues.map((i) => i.key));
  const past = demo.issues.filter((i) => !handWritten.has(i.key));
  const closed = demo.sprints.filter((s) => s.boardId === CV_BOARD_ID && s.state === 'closed');

  test('seven closed two-week sprints on the CV board, back to back, ending with CV Sprint 13', () => {
    expect(closed.map((s) => s.id)).toEqual([...CV_HISTORY_SPRINT_IDS]);
    expect(closed.map((s) => s.name)).toEqual([7, 8, 9, 10, 11, 12, 13].map((n) => `CV Sprint ${n}`));
    closed.forEach((sprint, i) => {
      const start = Date.parse(sprint.startDate ?? '');
      expect(new Date(start).getUTCDay()).toBe(1);
      expect(Date.parse(sprint.completeDate ?? '')).toBeLessThanOrEqual(Date.parse(sprint.endDate ?? ''));
      const next = closed[i + 1] ?? demo.sprints.find((s) => s.id === CV_SPRINTS.active);
      expect(Date.parse(next?.startDate ?? '') - start).toBe(14 * 86400_000);
    });
  });

  test('the hand-written issues, sprints and links are as they were; only a created date, a history and CV-101’s labeling evidence are added', () => {
    const byKey = new Map(demo.issues.map((i) => [i.key, i]));
    for (const issue of baseline.issues) {
      const { created, changelog, ...now }: Partial<IssueInput> = byKey.get(issue.key) ?? {};
      const { changelog: none, ...before } = issue;
      if (issue.key === CV_LABELING_KEY) {
        const { 'ml-lanes-evidence': evidence, ...others } = now.properties ?? {};
        expect(evidence).toBeDefined();
        if (Object.keys(others).length > 0) now.properties = others;
        else delete now.properties;
      }
      expect(none ?? []).toEqual([]);
      expect(now).toEqual(before);
      expect(created === undefined || !Number.isNaN(Date.parse(created ?? ''))).toBe(true);
      expect(Array.isArray(changelog ?? [])).toBe(true);
    }
    expect(demo.sprints).toEqual(expect.arrayContaining(baseline.sprints));
    expect(demo.links).toEqual(expect.arrayContaining(baseline.links ?? []));
    expect(() => parseWorkspace(demo)).not.toThrow();
  });

  test('history issues are done in closed sprints, or bugs in the backlog; the default rules put them in lanes', () => {
    const closedIds = new Set(closed.map((s) => s.id));
    const snapshots: IssueSnapshot[] = past.map((issue) => ({
      key: issue.key,
      summary: issue.summary,
      issueType: issue.issueType ?? 'Story',
      isSubtask: false,
      parentKey: null,
      projectKey: issue.projectKey,
      status: issue.status,
      statusCategory: issue.status === 'Done' ? 'done' : 'new',
      labels: issue.labels ?? [],
      components: issue.components ?? [],
      storyPoints: null,
      inScope: true,
      hidden: false,
      sprintName: null,
      fieldValues: {},
      dodChecked: {},
      laneOverride: null,
    }));
    const lanes = classifyIssues(snapshots, defaultConfig());
    expect(past.length).toBeGreaterThan(120);
    for (const issue of past) {
      expect(issue.projectKey).toBe('CV');
      expect(lanes.get(issue.key)?.lane).toBe(laneOf(issue));
      if (isBug(issue)) {
        expect(issue).toMatchObject({ status: 'To Do' });
        expect(issue.sprintIds ?? []).toEqual([]);
        continue;
      }
      expect(issue.status).toBe('Done');
      expect((issue.sprintIds ?? []).every((id) => closedIds.has(id))).toBe(true);
      const last = closed.find((s) => s.id === issue.sprintIds?.at(-1));
      const done = resolvedAt(issue) ?? NaN;
      expect(done).toBeGreaterThanOrEqual(Date.parse(last?.startDate ?? ''));
      expect(done).toBeLessThanOrEqual(Date.parse(last?.completeDate ?? ''));
    }
    const perLane = new Set(past.map(laneOf));
    expect([...perLane].sort()).toEqual(['code', 'data', 'deploy', 'model', 'test']);
  });

  test('sprints change at planning (or on creation, mid-sprint) and at each close; work moves in working hours', () => {
    const starts = new Map(closed.map((s) => [s.id, Date.parse(s.startDate ?? '')]));
    const completes = new Map(closed.map((s) => [s.id, Date.parse(s.completeDate ?? '')]));
    const hour = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
    for (const issue of past.filter((i) => !isBug(i))) {
      const sprintChanges = (issue.changelog ?? []).filter((e) => e.changes[0]?.kind === 'sprint');
      sprintChanges.forEach((entry, i) => {
        const change = entry.changes[0];
        if (change?.kind !== 'sprint') return;
        const added = change.to.at(-1) ?? 0;
        // Planned before the sprint started, or (added mid-sprint) just after it was created.
        if (i === 0)
          expect(Date.parse(entry.at)).toBeLessThanOrEqual(
            Math.max(starts.get(added) ?? 0, Date.parse(issue.created ?? '') + 2 * 60_000),
          );
        else expect(Date.parse(entry.at)).toBe(completes.get(change.from.at(-1) ?? 0));
      });
      for (const entry of issue.changelog ?? []) {
        if (entry.changes[0]?.kind !== 'status') continue;
        const at = Date.parse(entry.at);
        expect(isWeekday(dayIn(at, TZ))).toBe(true);
        const time = hour.format(at);
        expect(time >= '09:30' && time <= '16:00').toBe(true);
      }
    }
  });

  test('the labeling slowdown shows: the data lane’s last three weeks run at about half its earlier rate', () => {
    const days = weekdaysBetween(
      dayIn(Date.parse(closed[0]?.startDate ?? ''), TZ),
      dayIn(Date.parse(closed.at(-1)?.completeDate ?? ''), TZ),
    );
    expect(days).toHaveLength(70);
    const data = dailyThroughput(past, days).get('data') ?? [];
    const before = mean(data.slice(0, -P.slowdown.workingDays));
    const during = mean(data.slice(-P.slowdown.workingDays));
    expect(during / before).toBeGreaterThan(0.25);
    expect(during / before).toBeLessThan(0.75);
    const others = dailyThroughput(past, days);
    const code = others.get('code') ?? [];
    expect(
      mean(code.slice(-P.slowdown.workingDays)) / mean(code.slice(0, -P.slowdown.workingDays)),
    ).toBeGreaterThan(0.75);
  });

  test('the hand-written issues’ histories lead to where they are', () => {
    const issue = (key: string) => demo.issues.find((i) => i.key === key);
    const activeStart = Date.parse(demo.sprints.find((s) => s.id === CV_SPRINTS.active)?.startDate ?? '');
    // Done in the active sprint, before the demo's clock.
    for (const key of ['CV-112', 'CV-114', 'CV-119', 'CV-127']) {
      const done = resolvedAt(issue(key) ?? ({} as IssueInput)) ?? NaN;
      expect(done).toBeGreaterThan(activeStart);
      expect(done).toBeLessThan(Date.parse(DEMO_NOW));
    }
    // CV-101 was carried over from CV Sprint 13 when it closed.
    const carried = (issue('CV-101')?.changelog ?? []).find((e) =>
      e.changes.some((c) => c.kind === 'sprint' && c.to.length === 2),
    );
    expect(carried?.at).toBe(demo.sprints.find((s) => s.id === CV_SPRINTS.previous)?.completeDate);
    // Work not started has no move; the backlog has no sprint change.
    expect(issue('CV-105')?.changelog?.some((e) => e.changes.some((c) => c.kind === 'status'))).toBe(false);
    expect(issue('CV-132')?.changelog).toEqual([]);
  });

  test('the clock is injectable: a later clock keeps the closed sprints’ history; one before the sprint is refused', () => {
    const later = demoSite({ now: '2026-12-03T10:00:00.000Z' });
    expect(later.now).toBe('2026-12-03T10:00:00.000Z');
    expect(demo.now).toBe(DEMO_NOW);
    const doneBefore = past.filter((i) => !isBug(i));
    const doneLater = later.issues.filter((i) => !handWritten.has(i.key) && !isBug(i));
    expect(doneLater).toEqual(doneBefore);
    expect(() => demoSite({ now: '2026-11-20T10:00:00.000Z' })).toThrow(/must be a valid instant after/);
    expect(() => demoSite({ now: 'yesterday' })).toThrow(/must be a valid instant after/);
  });
});
