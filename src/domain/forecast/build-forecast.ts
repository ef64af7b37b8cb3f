import { xoroshiro128plus } from 'pure-rand';
import {
  REMAINING_WORK_LISTED,
  type ForecastView,
  type LaneForecastView,
  type LaneHistoryView,
  type WhatIf,
} from '../../contract/forecast-view';
import type { PlanView } from '../../contract/plan-view';
import type { MlLanesConfig } from '../../config/schema';
import type { EvidenceHistory } from '../evidence/evidence-history';
import type { Dependency } from '../snapshot';
import { replaySprints } from './backtest';
import { scoreBacktest } from './backtest-score';
import { checkCapacity } from './capacity-check';
import { dayOfIsoDate, isoDate, SiteCalendar, windowBefore } from './days';
import { leadingIndicators } from './indicators';
import { labelingEstimates } from './labeling-work';
import { deriveLaneHistory } from './lane-history';
import type { BoardHistory, ForecastItem, ForecastWork, WorkCategory } from './model';
import { forecastSprint, laneMethod, toFinishPercentiles, UNCLASSIFIED_LANE } from './monte-carlo';
import { toSimulationHistory, workingDates } from './simulation-history';

/** The lane whose done issues are labeling throughput, and whose issues may carry Label Studio's counters. */
export const DATA_LANE = 'data';

/**
 * The sprint's unfinished data-lane issues, in rank order: the ones whose evidence may forecast labeling in items.
 * One definition for the Jira read of their evidence and for the forecast that uses it.
 */
export function labelingCandidates(plan: PlanView): PlanView['issues'] {
  return plan.issues.filter(
    (issue) => issue.inScope && !issue.hidden && issue.statusCategory !== 'done' && issue.lane === DATA_LANE,
  );
}

/** Working days a forecast may look ahead (about two years): work not done by then is reported as not finished. */
const HORIZON_WORKING_DAYS = 500;

export interface ForecastOptions {
  /** The instant the forecast is made at: now, or `--as-of`. */
  asOf: string;
  windowDays: number;
  trials: number;
  seed: number;
  whatIf: WhatIf;
  /** How many recent closed sprints the backtest replays (0: none). */
  backtestSprints: number;
  /** Trials per replayed sprint. */
  backtestTrials: number;
}

export interface ForecastInput {
  plan: PlanView;
  /** Every dependency among the sprint's issues, same-lane ones included (the plan view keeps only handoffs). */
  dependencies: readonly Dependency[];
  /** The board's past, at least `windowDays` back from `asOf` (more when older sprints are replayed). */
  history: BoardHistory;
  /** Sprint issue key → when it first moved into progress. */
  startedAt: ReadonlyMap<string, string>;
  /** When the history was read from Jira. */
  readAt: string;
  config: MlLanesConfig;
  /**
   * The ml-lanes-evidence property of the sprint's unfinished data-lane issues, by key: those with Label Studio's
   * counters are forecast in items per day. Left out or empty: every issue takes its lane's history.
   */
  evidence?: ReadonlyMap<string, EvidenceHistory>;
}

/**
 * Will the sprint make it? The sprint's remaining work, simulated on its real dependency graph with each lane's own
 * history; beside it each lane's capacity, the leading indicators and how accurate the forecast has been here.
 * Pure: the same plan, history and seed give the same view.
 */
export function buildForecast(input: ForecastInput, options: ForecastOptions): ForecastView {
  const { plan, history, config } = input;
  const calendar = new SiteCalendar(history.timeZone, history.workingDays);
  const asOfDay = isoDate(calendar.dayOf(Date.parse(options.asOf)));
  const window = windowBefore(history.timeZone, asOfDay, options.windowDays);
  const recent: BoardHistory = { ...history, window };
  const laneHistory = deriveLaneHistory(recent);
  const simulation = toSimulationHistory(laneHistory);
  const laneName = (id: string) =>
    id === UNCLASSIFIED_LANE ? 'Unclassified' : (config.lanes.find((lane) => lane.id === id)?.name ?? id);

  const work = forecastWork(plan, input.dependencies, input.startedAt);
  const startDay = forecastStart(plan, asOfDay, calendar);
  const dates = workingDates(calendar, dayOfIsoDate(startDay), HORIZON_WORKING_DAYS);
  const dayOf = (instant: string | null) => (instant ? isoDate(calendar.dayOf(Date.parse(instant))) : null);
  const sprintEnd = dayOf(plan.scope.endDate);
  const labeling = labelingEstimates(labelingCandidates(plan), input.evidence ?? new Map(), {
    workingDays: history.workingDays,
    seed: options.seed,
    horizon: Math.max(1, dates.length),
    asOf: options.asOf,
  });
  const result =
    dates.length === 0
      ? { forecast: null, noForecastReason: 'the site has no working days to forecast on', warnings: [] }
      : forecastSprint({
          work,
          history: simulation,
          seed: options.seed,
          trials: options.trials,
          whatIf: options.whatIf,
          dateOfWorkingDay: (n) => dates[Math.min(n, dates.length) - 1]!,
          sprintEnd,
          horizonDays: dates.length,
          ...(labeling.samples.size > 0 ? { labeling: labeling.samples } : {}),
        });

  const capacity = checkCapacity(
    laneHistory,
    work,
    config.lanes.map((lane) => ({
      id: lane.id,
      name: lane.name,
      capacity: config.capacity[lane.id]?.storyPoints ?? null,
      wipLimit: config.capacity[lane.id]?.wipLimit ?? null,
    })),
    xoroshiro128plus(options.seed),
  );
  const summaries = new Map(plan.issues.map((issue) => [issue.key, issue.summary]));
  const indicators = leadingIndicators(
    recent,
    laneHistory,
    work,
    options.asOf,
    config.lanes.some((lane) => lane.id === DATA_LANE) ? DATA_LANE : null,
    summaries,
  );
  const backtest =
    options.backtestSprints > 0
      ? scoreBacktest(
          replaySprints(
            { ...history, window: { from: history.window.from, to: window.to } },
            {
              sprints: options.backtestSprints,
              windowDays: options.windowDays,
              trials: options.backtestTrials,
              seed: options.seed,
            },
          ),
        )
      : null;

  const lanes: LaneHistoryView[] = laneHistory.lanes.map((samples) => ({
    lane: samples.lane,
    laneName: laneName(samples.lane),
    doneIssues: samples.doneIssues,
    throughputDays: laneHistory.days.length,
    cycleTimeSamples: samples.cycleTimes.length,
    method: laneMethod(simulation, samples.lane),
    cycleTimeP50: samples.cycleTimeP50,
    cycleTimeP85: samples.cycleTimeP85,
    blockedDays: samples.blockedDays,
  }));
  const forecast = result.forecast;
  const finish = forecast ? toFinishPercentiles(forecast.finish) : null;
  const noForecastReason =
    result.noForecastReason ??
    (forecast && !finish
      ? 'too few trials finished the work within two years: the history is too thin'
      : null);

  return {
    scope: {
      site: plan.scope.site,
      boardId: plan.scope.boardId,
      boardName: plan.scope.boardName,
      sprintId: plan.scope.sprintId,
      sprintName: plan.scope.sprintName,
      sprintState: plan.scope.sprintState,
      startDate: dayOf(plan.scope.startDate),
      endDate: sprintEnd,
      asOf: startDay,
      timeZone: history.timeZone,
    },
    trials: options.trials,
    seed: options.seed,
    history: {
      // Days, both inclusive: the window ends where the as-of day begins.
      from: isoDate(calendar.dayOf(Date.parse(window.from))),
      to: isoDate(calendar.dayOf(Date.parse(window.to)) - 1),
      readAt: input.readAt,
      closedSprints: laneHistory.sprints.length,
      lanes,
    },
    capacity,
    whatIf: {
      excludedKeys: [...options.whatIf.excludedKeys],
      laneThroughput: { ...options.whatIf.laneThroughput },
    },
    remainingWork: plan.issues
      .filter((issue) => issue.inScope && !issue.hidden && issue.statusCategory !== 'done')
      .slice(0, REMAINING_WORK_LISTED)
      .map((issue) => ({
        key: issue.key,
        summary: issue.summary,
        lane: issue.lane,
        laneName: issue.lane === null ? 'Unclassified' : laneName(issue.lane),
      })),
    forecast:
      forecast && finish
        ? {
            remainingIssues: forecast.remainingIssues,
            finish,
            doneBySprintEnd: forecast.finish.doneBySprintEnd,
            criticalChain: {
              keys: forecast.criticalChain?.keys ?? [],
              finish:
                (forecast.criticalChain && toFinishPercentiles(forecast.criticalChain.finish)) ?? finish,
              doneBySprintEnd: forecast.criticalChain?.finish.doneBySprintEnd ?? null,
            },
            lanes: forecast.lanes.map((lane): LaneForecastView => ({
              lane: lane.lane,
              laneName: laneName(lane.lane),
              remainingIssues: lane.remainingIssues,
              finish: lane.finish ? toFinishPercentiles(lane.finish) : null,
              doneBySprintEnd: lane.finish?.doneBySprintEnd ?? null,
              finishedLast: lane.finishedLast,
            })),
            mostOftenLast: forecast.mostOftenLast
              ? { ...forecast.mostOftenLast, laneName: laneName(forecast.mostOftenLast.lane) }
              : null,
            distribution: forecast.distribution,
          }
        : null,
    noForecastReason: forecast && finish ? null : noForecastReason,
    indicators,
    backtest,
    ...(labeling.view ? { labeling: labeling.view } : {}),
    warnings: [...plan.warnings, ...history.warnings, ...laneHistory.warnings, ...result.warnings],
  };
}

/** The sprint's in-scope work as the simulation takes it, in the plan's (rank) order. */
function forecastWork(
  plan: PlanView,
  dependencies: readonly Dependency[],
  startedAt: ReadonlyMap<string, string>,
): ForecastWork {
  const items: ForecastItem[] = plan.issues
    .filter((issue) => issue.inScope && !issue.hidden)
    .map((issue) => ({
      key: issue.key,
      lane: issue.lane,
      storyPoints: issue.storyPoints,
      category: toWorkCategory(issue.statusCategory),
      startedAt: startedAt.get(issue.key) ?? null,
    }));
  const keys = new Set(items.map((item) => item.key));
  return {
    sprintId: plan.scope.sprintId,
    sprintName: plan.scope.sprintName,
    sprintState: plan.scope.sprintState,
    startDate: plan.scope.startDate,
    endDate: plan.scope.endDate,
    items,
    dependencies: dependencies
      .filter((dependency) => keys.has(dependency.upstream) && keys.has(dependency.downstream))
      .map(({ upstream, downstream }) => ({ upstream, downstream })),
    criticalChain: plan.criticalChain,
  };
}

function toWorkCategory(category: PlanView['issues'][number]['statusCategory']): WorkCategory {
  return category === 'indeterminate' || category === 'done' ? category : 'new';
}

/** The first day work can happen: today (or the as-of day), or a future sprint's first day. */
function forecastStart(plan: PlanView, asOfDay: string, calendar: SiteCalendar): string {
  if (plan.scope.sprintState !== 'future' || !plan.scope.startDate) return asOfDay;
  const start = isoDate(calendar.dayOf(Date.parse(plan.scope.startDate)));
  return start > asOfDay ? start : asOfDay;
}
