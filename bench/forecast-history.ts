/**
 * Forecasting figures for `npm run bench`: deriving each lane's history (throughput, cycle times, blocked days,
 * completed work per sprint) and the leading indicators from a board history of 5,000 done issues with about ten
 * status changes each, against the brief's "well under 100 ms".
 */
import { xoroshiro128plus, unsafeUniformIntDistribution } from 'pure-rand';
import { checkCapacity } from '../src/domain/forecast/capacity-check';
import { leadingIndicators } from '../src/domain/forecast/indicators';
import { deriveLaneHistory } from '../src/domain/forecast/lane-history';
import type {
  BoardHistory,
  ClosedSprint,
  ForecastWork,
  IssueHistory,
  WorkCategory,
} from '../src/domain/forecast/model';

const ISSUES = 5000;
const RUNS = 10;
const WARM_UP = 5;
const LANES = ['data', 'model', 'code', 'qa'];
const HOUR = 3_600_000;
const WINDOW_END = Date.parse('2026-06-29T00:00:00+02:00');
const WINDOW_START = WINDOW_END - 90 * 24 * HOUR;

/** A board of `count` issues done in the 90-day window, each with ~10 category changes, some flagged or waiting. */
function syntheticHistory(count: number): BoardHistory {
  const random = xoroshiro128plus(2026);
  const between = (from: number, to: number) => unsafeUniformIntDistribution(from, to, random);
  const issues: IssueHistory[] = [];
  for (let index = 0; index < count; index++) {
    const done = between(WINDOW_START, WINDOW_END - 1);
    const created = done - between(5, 40) * 24 * HOUR;
    // new, then back and forth between progress and done (reopened), ending done: 10 changes with the creation.
    const path: WorkCategory[] = ['new', 'indeterminate', 'indeterminate', 'done', 'indeterminate', 'new'];
    path.push('indeterminate', 'indeterminate', 'done', 'done');
    const step = (done - created) / path.length;
    const categories = path.map((category, at) => ({
      at: new Date(at === path.length - 1 ? done : created + Math.round(step * at)).toISOString(),
      category,
    }));
    categories.reverse(); // unsorted on purpose: the derivation sorts
    const flaggedAt = created + Math.round(step * 2);
    issues.push({
      key: `ML-${index + 1}`,
      lane: LANES[index % LANES.length] ?? null,
      issueType: 'Task',
      created: new Date(created).toISOString(),
      categories,
      flagged:
        index % 5 === 0
          ? [{ from: new Date(flaggedAt).toISOString(), to: new Date(flaggedAt + 30 * HOUR).toISOString() }]
          : [],
      storyPoints: index % 7 === 0 ? null : between(1, 8),
      sprintIds: [1 + Math.floor((done - WINDOW_START) / (14 * 24 * HOUR))],
      upstreamKeys: index % 3 === 0 && index > 0 ? [`ML-${index}`] : [],
      defects:
        index % 11 === 0
          ? [{ key: `BUG-${index}`, created: new Date(done + 2 * 24 * HOUR).toISOString() }]
          : [],
    });
  }
  const closedSprints: ClosedSprint[] = Array.from({ length: 6 }, (_, index) => {
    const start = WINDOW_START + index * 14 * 24 * HOUR;
    const end = new Date(start + 14 * 24 * HOUR - HOUR).toISOString();
    return {
      id: index + 1,
      name: `Sprint ${index + 1}`,
      startDate: new Date(start).toISOString(),
      endDate: end,
      completeDate: end,
    };
  });
  return {
    timeZone: 'Europe/Berlin',
    workingDays: [1, 2, 3, 4, 5],
    window: { from: new Date(WINDOW_START).toISOString(), to: new Date(WINDOW_END).toISOString() },
    lanes: LANES,
    closedSprints,
    issues,
    warnings: [],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Wall time (ms) of `work`, and the CPU time it took (ms): on a shared machine the two differ. */
function timed<T>(work: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [result, wall, (used.user + used.system) / 1000];
}

export async function benchForecastHistory(): Promise<string[]> {
  const history = syntheticHistory(ISSUES);
  const changes = history.issues.reduce((sum, issue) => sum + issue.categories.length, 0);
  const work: ForecastWork = {
    sprintId: 7,
    sprintName: 'Sprint 7',
    sprintState: 'active',
    startDate: null,
    endDate: null,
    items: history.issues.slice(0, 200).map((issue) => ({
      key: issue.key,
      lane: issue.lane,
      storyPoints: issue.storyPoints,
      category: 'indeterminate',
      startedAt: issue.created,
    })),
    dependencies: [],
    criticalChain: [],
  };
  const [first, firstWall, firstCpu] = timed(() => deriveLaneHistory(history));
  const lanes = LANES.map((id) => ({ id, name: id, capacity: null, wipLimit: null }));
  const derive = repeated(() => deriveLaneHistory(history));
  const indicators = repeated(() =>
    leadingIndicators(history, first, work, history.window.to, 'data', new Map()),
  );
  const capacity = repeated(() => checkCapacity(first, work, lanes, xoroshiro128plus(1)));
  // For scale on a busy machine: reading the 50,000 change times alone, which any derivation must do.
  const parseOnly = repeated(() => {
    let sum = 0;
    for (const issue of history.issues) for (const change of issue.categories) sum += Date.parse(change.at);
    return sum;
  });
  await Promise.resolve();
  const done = first.lanes.reduce((sum, lane) => sum + lane.doneIssues, 0);
  return [
    `Forecast history: ${ISSUES} done issues with ${changes} status changes; ${first.days.length} working days, ` +
      `${first.sprints.length} closed sprints, ${done} issues done in the window`,
    `  derive lane history (target well under 100 ms)  first (cold: JIT, time-zone data) ${ms(firstWall, firstCpu)}; ${derive}`,
    `  leading indicators                              ${indicators}`,
    `  capacity check, 4 lanes, 1,000 resamples        ${capacity}`,
    `  for scale: Date.parse of the ${changes} times   ${parseOnly}`,
  ];
}

/** Median and fastest wall and CPU time of RUNS runs of `work`, in words (the fastest is the least disturbed). */
function repeated(work: () => unknown): string {
  for (let run = 0; run < WARM_UP; run++) work(); // let the JIT settle: the first runs are reported apart
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const [, wall, cpu] = timed(work);
    walls.push(wall);
    cpus.push(cpu);
  }
  return `warm, median of ${RUNS} ${ms(median(walls), median(cpus))}, fastest ${ms(Math.min(...walls), Math.min(...cpus))}`;
}

function ms(wall: number, cpu: number): string {
  return `${wall.toFixed(1)} ms (CPU ${cpu.toFixed(1)} ms)`;
}

if (require.main === module) {
  void benchForecastHistory().then((lines) => console.log(lines.join('\n')));
}
