/**
 * The process a generated history follows, stated so tests can compute the truth without reading the
 * generator. Time runs in working days (Monday to Friday in the site's time zone) inside the board's closed
 * sprints. Per lane, completions on each working day are Poisson with mean `throughputPerDay` (times
 * `slowdown.factor` on the slowdown's days for its lane); when a total is asked for, the same rates are
 * conditioned on it (each done issue falls on a lane and day with probability proportional to the rate).
 * Each done issue started `cycleDays` working days before it was done counting both ends, drawn as
 * 1 + Geometric with mean `meanCycleDays` (capped at `maxCycleDays`); a done issue was reopened once before
 * with probability `reopenShare`, flagged for 1–`maxFlaggedDays` days with `flaggedShare`, re-estimated with
 * `reestimateShare`, and had a bug filed against it within `defectDelayDays` with `defectShare`.
 */

export const LANE_IDS = ['data', 'model', 'code', 'test', 'deploy'] as const;
export type LaneId = (typeof LANE_IDS)[number];

export interface LaneProcess {
  lane: LaneId;
  /** Mean done issues per working day (Poisson). */
  throughputPerDay: number;
  /** Mean working days from the move into progress to the move into done, counting both days (≥ 1). */
  meanCycleDays: number;
  /** Story points drawn uniformly from these; null means unestimated. */
  points: readonly (number | null)[];
  /** Probability the work passes through "In Review" before "Done". */
  reviewShare: number;
  /** Labels that put an issue in this lane under the default rules (one is picked per issue). */
  labels: readonly string[];
  /** What the lane's issues are about, for summaries. */
  nouns: readonly string[];
}

export interface HistoryProcess {
  lanes: readonly LaneProcess[];
  maxCycleDays: number;
  reopenShare: number;
  flaggedShare: number;
  maxFlaggedDays: number;
  reestimateShare: number;
  defectShare: number;
  /** A bug is filed 0.5 to this many calendar days after the work was done (later than the site's clock: never). */
  defectDelayDays: number;
  /** One lane works at `factor` times its rate on the history's last `workingDays` working days. */
  slowdown: { lane: LaneId; factor: number; workingDays: number };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * The CV squad's process: labeling is many small issues, training few long ones; the labeling-tool bug
 * (CV-104) halves labeling throughput over the last three weeks.
 */
export const DEFAULT_HISTORY_PROCESS: HistoryProcess = deepFreeze({
  lanes: [
    {
      lane: 'data',
      throughputPerDay: 1.0,
      meanCycleDays: 2,
      points: [1, 2, 2, 3, null],
      reviewShare: 0.2,
      labels: ['labeling', 'annotation', 'dataset'],
      nouns: ['label batch', 'annotation pass', 'dataset slice'],
    },
    {
      lane: 'model',
      throughputPerDay: 0.3,
      meanCycleDays: 6,
      points: [3, 5, 5, 8],
      reviewShare: 0.3,
      labels: ['training', 'experiment', 'model'],
      nouns: ['training run', 'ablation', 'model variant'],
    },
    {
      lane: 'code',
      throughputPerDay: 0.5,
      meanCycleDays: 3,
      points: [1, 2, 3, 5, null],
      reviewShare: 0.9,
      labels: ['backend', 'api', 'frontend'],
      nouns: ['inference endpoint', 'image loader', 'labeling tool'],
    },
    {
      lane: 'test',
      throughputPerDay: 0.4,
      meanCycleDays: 2.5,
      points: [1, 2, 3],
      reviewShare: 0.3,
      labels: ['qa', 'validation', 'evaluation'],
      nouns: ['holdout evaluation', 'regression suite', 'calibration check'],
    },
    {
      lane: 'deploy',
      throughputPerDay: 0.25,
      meanCycleDays: 1.5,
      points: [1, 2, 3],
      reviewShare: 0.3,
      labels: ['release', 'mlops', 'infra'],
      nouns: ['canary rollout', 'monitoring dashboard', 'serving config'],
    },
  ],
  maxCycleDays: 30,
  reopenShare: 0.08,
  flaggedShare: 0.12,
  maxFlaggedDays: 4,
  reestimateShare: 0.15,
  defectShare: 0.06,
  defectDelayDays: 6,
  slowdown: { lane: 'data', factor: 0.5, workingDays: 15 },
});

/** The rate of a lane on one working day (`daysBeforeEnd` = 0 for the history's last day). */
export function laneRate(process: HistoryProcess, lane: LaneProcess, daysBeforeEnd: number): number {
  const slowed = lane.lane === process.slowdown.lane && daysBeforeEnd < process.slowdown.workingDays;
  return lane.throughputPerDay * (slowed ? process.slowdown.factor : 1);
}
