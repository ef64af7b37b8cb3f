/**
 * The forecast as the planning panel renders it and `ml-lanes forecast --format json` prints it: one view model
 * for both. Dates are calendar days (YYYY-MM-DD) in the site's time zone; probabilities are 0–1.
 */

/** Finish dates at the 50th, 85th and 95th percentile of the trials (nearest rank). */
export interface FinishPercentiles {
  p50: string;
  p85: string;
  p95: string;
}

/** A probability with its Monte Carlo standard error, √(p(1−p)/trials). */
export interface Probability {
  value: number;
  standardError: number;
}

export interface LaneHistoryView {
  lane: string;
  laneName: string;
  /** Issues of the lane done in the window, and the working days sampled for throughput (zeros kept). */
  doneIssues: number;
  throughputDays: number;
  cycleTimeSamples: number;
  /** Fewer than 20 throughput samples: the lane is simulated from bootstrapped cycle times, and says so. */
  method: 'throughput' | 'cycle-time' | 'none';
  /** Cycle time in days (first move into progress to the last move into done that holds, + 1). */
  cycleTimeP50: number | null;
  cycleTimeP85: number | null;
  blockedDays: number;
}

export interface LaneCapacityView {
  lane: string;
  laneName: string;
  committedIssues: number;
  committedPoints: number;
  /** Story points the lane completed per closed sprint, bootstrapped: median and 85th percentile (null: no sprints). */
  completedPointsP50: number | null;
  completedPointsP85: number | null;
  completedIssuesP50: number | null;
  completedIssuesP85: number | null;
  sprintsSampled: number;
  /** From the configuration. */
  capacity: number | null;
  wipLimit: number | null;
  inProgress: number;
  /** The sentence a Scrum Master reads, e.g. "Model: 34 points committed; it finished 18 (median) – 25 (85%) in the last 6 sprints". */
  sentence: string;
}

export interface LaneForecastView {
  lane: string;
  laneName: string;
  remainingIssues: number;
  finish: FinishPercentiles | null;
  doneBySprintEnd: Probability | null;
  /** Share of trials in which this lane finished last. */
  finishedLast: number;
}

export interface AgingIssueView {
  key: string;
  summary: string;
  lane: string;
  ageDays: number;
  /** The lane's 85th-percentile cycle time this issue has outlived. */
  laneCycleTimeP85: number;
}

export interface ThroughputWeekView {
  /** Monday of the week (YYYY-MM-DD). */
  weekStart: string;
  done: number;
}

export interface LeadingIndicatorsView {
  /** The data lane's done issues per working day over the window, and per week, with the trend against the window. */
  labelingThroughput: {
    lane: string;
    perDay: number;
    weeks: ThroughputWeekView[];
    /** Last week's rate over the window's rate (1 = steady, 0.5 = halved); null without a full week. */
    trend: number | null;
  } | null;
  agingWork: AgingIssueView[];
  /** Bugs linked to or created under work done in the window, per done issue. */
  defectEscapeRate: { defects: number; doneIssues: number; rate: number } | null;
}

export interface BacktestView {
  sprints: number;
  /** Sprints that finished on or before their forecast 85% date. */
  withinP85: number;
  /** Brier score of the "done by the end" probability (0 is perfect, 0.25 is a coin toss). */
  brierScore: number;
  /** e.g. "on this board, 5 of the last 6 sprints finished within the 85% date". */
  sentence: string;
}

/**
 * A data-lane issue with Label Studio's counters (from the ml-lanes-evidence property): its items labeled against
 * its target, and how the forecast took it.
 */
export interface LabelingIssueView {
  key: string;
  summary: string;
  /**
   * Items to label: the summary's count ("Label 1,000 images"), else the "ML items target" evidence field, else the
   * Label Studio project's total tasks; null when none gives one.
   */
  target: number | null;
  targetFrom: 'summary' | 'evidence-field' | 'label-studio' | null;
  /** Finished tasks in the newest counters, and the UTC day (YYYY-MM-DD) they were counted on. */
  finished: number;
  countedOn: string;
  /**
   * 'items-per-day': the forecast labels the remaining items at rates drawn from the recorded days;
   * 'lane-history': too little to go on (`reason` says what), so the lane's usual sampling (its throughput or
   * cycle times) takes it like any other issue.
   */
  method: 'items-per-day' | 'lane-history';
  /** Items per working day over the recorded days; null with fewer than two. */
  itemsPerDay: number | null;
  recordedDays: number;
  /**
   * Working days of labeling left at the recorded rates (before any what-if), median and 85%; null when not
   * forecast from items per day or not within the forecast's two-year horizon.
   */
  daysLeft: { p50: number; p85: number } | null;
  reason: string | null;
}

/** The data lane's labeling issues with counters, and one sentence saying which were forecast from items per day. */
export interface LabelingForecastView {
  issues: LabelingIssueView[];
  note: string;
}

/** The knobs the panel and CLI turn; nothing they do is written to Jira. */
export interface WhatIf {
  /** Issues taken out of scope. */
  excludedKeys: string[];
  /** Lane id → throughput as a share of its history (0.5 = halved). */
  laneThroughput: Record<string, number>;
}

export interface ForecastScope {
  site: string;
  boardId: number;
  boardName: string;
  sprintId: number;
  sprintName: string;
  sprintState: 'active' | 'future' | 'closed';
  /** The sprint's first and last days (YYYY-MM-DD, site time zone), not Jira's instants. */
  startDate: string | null;
  endDate: string | null;
  /** The day the forecast starts from: today, the sprint's start (future sprints), or --as-of. */
  asOf: string;
  timeZone: string;
}

/** One unfinished issue of the sprint, for the what-if's scope list. */
export interface RemainingIssueView {
  key: string;
  summary: string;
  lane: string | null;
  laneName: string;
}

/** At most this many unfinished issues are listed for the what-if (the forecast itself covers them all). */
export const REMAINING_WORK_LISTED = 1000;

export interface ForecastView {
  scope: ForecastScope;
  trials: number;
  seed: number;
  history: {
    /** The window's first and last days, both inclusive (YYYY-MM-DD). */
    from: string;
    to: string;
    /** When the history was read from Jira (it is cached per board). */
    readAt: string;
    closedSprints: number;
    lanes: LaneHistoryView[];
  };
  capacity: LaneCapacityView[];
  whatIf: WhatIf;
  /**
   * The sprint's unfinished issues in rank order, those taken out of scope included (the first
   * REMAINING_WORK_LISTED): what the what-if can take out or put back.
   */
  remainingWork: RemainingIssueView[];
  /** Null when there is no history to forecast from; `noForecastReason` says why. */
  forecast: {
    remainingIssues: number;
    finish: FinishPercentiles;
    doneBySprintEnd: Probability | null;
    criticalChain: { keys: string[]; finish: FinishPercentiles; doneBySprintEnd: Probability | null };
    lanes: LaneForecastView[];
    /** The lane that most often finishes last, and in what share of trials. */
    mostOftenLast: { lane: string; laneName: string; share: number } | null;
    /** Finish day → share of trials, for the distribution chart, in date order. */
    distribution: { date: string; share: number }[];
  } | null;
  noForecastReason: string | null;
  indicators: LeadingIndicatorsView;
  backtest: BacktestView | null;
  /** Left out when no data-lane issue of the sprint carries Label Studio's counters. */
  labeling?: LabelingForecastView;
  /** What could not be read or had to be assumed, in words (the forecast is partial when this is not empty). */
  warnings: string[];
}

/** One closed sprint replayed: what the forecast said at its start, and what happened. Days are YYYY-MM-DD. */
export interface BacktestSprintView {
  sprintId: number;
  sprintName: string;
  sprintEnd: string;
  /** The day its last piece of work was done; null when work was left over at its close. */
  finishedOn: string | null;
  /** The forecast at its start; null when there was too little history before it. */
  p85: string | null;
  doneBySprintEnd: number | null;
}

/** What `ml-lanes backtest` prints: each replayed sprint and the score over them. */
export interface BacktestReport {
  site: string;
  boardId: number;
  boardName: string;
  historyDays: number;
  trials: number;
  seed: number;
  sprints: BacktestSprintView[];
  score: BacktestView | null;
  warnings: string[];
}

/**
 * The board's history is too large to read within one 25-second resolver call, so it is being read in the
 * background (a Forge async event); the panel asks again until the forecast is ready.
 */
export interface HistoryReading {
  state: 'reading';
  /** Issues done in the window, as Jira counted them when the read was asked for. */
  doneIssues: number;
  /** The window's first day (YYYY-MM-DD). */
  since: string;
  /** When the background read was asked for (ISO instant). */
  requestedAt: string;
}

/** The background read failed: why, in words, so the panel stops waiting and can offer to try again. */
export interface HistoryReadFailed {
  state: 'failed';
  reason: string;
  failedAt: string;
}

/** No forecast yet: the history it needs is being read in the background, or that read failed. */
export interface ForecastPending {
  background: HistoryReading | HistoryReadFailed;
}

/** What `getForecast` answers the panel: the forecast, or why it is not there yet. */
export type ForecastAnswer = ForecastView | ForecastPending;
